namespace Torch;

public sealed partial class Tensor
{
    /// <summary>Fills with samples of U(<paramref name="a"/>, <paramref name="b"/>). Example: <c>torch.Tensor(4, 6).Uniform()</c>.</summary>
    public Tensor Uniform(double a = 0, double b = 1)
    {
        RequireFloating("Uniform");
        Raw.uniform_(a, b);
        return this;
    }

    /// <summary>Fills with samples of N(<paramref name="mean"/>, <paramref name="std"/>²). Example: <c>x.Normal(0, 0.1)</c>.</summary>
    public Tensor Normal(double mean = 0, double std = 1)
    {
        RequireFloating("Normal");
        Raw.normal_(mean, std);
        return this;
    }

    internal void RequireFloating(string fn)
    {
        if (!TensorType.IsFloating(ScalarType))
            throw new InvalidOperationException($"{fn}: expected a Float or Double tensor, got a {Type()}");
    }
}
