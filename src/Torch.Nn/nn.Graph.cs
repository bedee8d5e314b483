namespace Torch.Nn;

public static partial class nn
{
    /// <summary>A <see cref="Torch.Nn.GModule"/> over a graph of nodes (nngraph's <c>nn.gModule(inputs, outputs)</c>).
    /// Example: <c>var mlp = nn.GModule(new[] { input }, new[] { output });</c></summary>
    public static GModule GModule(Node[] inputs, Node[] outputs) => new(inputs, outputs);
}
