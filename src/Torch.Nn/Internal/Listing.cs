namespace Torch.Nn.Internal;

/// <summary>The declared parameters whose tensor is not nil, with their gradients, in declaration order (Lua's parameters():
/// weight then bias).</summary>
internal sealed class Listing : Members
{
    readonly List<Tensor> ps = new(), gs = new();

    internal static (List<Tensor>, List<Tensor>) Of(Module m)
    {
        var l = new Listing();
        m.Declare(l);
        return (l.ps, l.gs);
    }

    public override void Parameter(string luaName, ref Tensor param, string gradName, ref Tensor grad)
    {
        if (param is null) return;
        ps.Add(param);
        gs.Add(grad);
    }

    public override void Field<T>(string luaName, ref T value) { }
    public override void Buffer<T>(string luaName, ref T value) { }
    public override void State<T>(ref T value) { }
    public override void Cache<T>(ref T value) { }
}
