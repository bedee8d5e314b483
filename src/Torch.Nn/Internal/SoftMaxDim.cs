namespace Torch.Nn.Internal;

/// <summary>THNN's softmax dimension: the vector (1-D), each row (2-D), the channels of an image (3-D) or of a batch of images (4-D).</summary>
internal static class SoftMaxDim
{
    internal static long Of(Tensor x, Module m) => x.Dim() switch
    {
        1 or 3 => 0,
        2 or 4 => 1,
        _ => throw new ArgumentException($"{m}: expected a 1D, 2D, 3D or 4D input, got a tensor of size {x.SizeString()}"),
    };
}
