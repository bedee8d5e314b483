namespace Torch.Nn.Internal;

/// <summary>Torch7's default initialisation: U(-stdv, stdv) with stdv = 1/sqrt(fanIn), or stdv*sqrt(3) when given.</summary>
internal static class Init
{
    internal static double Stdv(double? stdv, double fanIn) => stdv is double s ? s * Math.Sqrt(3) : 1.0 / Math.Sqrt(fanIn);

    internal static void Uniform(double stdv, params Tensor?[] tensors)
    {
        foreach (var t in tensors) t?.Uniform(-stdv, stdv);
    }
}
