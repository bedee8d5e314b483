namespace Torch.Nn.Internal;

/// <summary>A helper object held by a module (not itself a module) that declares its fields the way modules do, so that clone
/// and type reach inside it.</summary>
internal interface IDeclared
{
    /// <summary>Lists the object's fields (see <see cref="Members"/>).</summary>
    void Declare(Members m);
}
