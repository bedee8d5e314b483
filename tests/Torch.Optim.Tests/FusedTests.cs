namespace Torch.Optim.Tests;

/// <summary>The one-pass updates (src/Torch.Optim/Fused.cs) against Torch7's own runs (Fixtures/adam_long.lua), bit for bit, and
/// the per-line tensor route a strided x takes against the same runs.</summary>
public class FusedTests
{
    static string Fixture(string name) => Path.Combine(Processes.RepoRoot(), "tests", "Torch.Optim.Tests", "Fixtures", name);

    /// <summary>f = sum(x^3 / 3 - 0.3 x), so df/dx = x^2 - 0.3, as the Lua script computes it, in x's own layout.</summary>
    static (double, Tensor) Cubic(Tensor x)
    {
        var g = x.Clone().Cmul(x).Add(-0.3);
        if (!x.IsContiguous()) g = torch.Tensor(x.Size(1), 2).Type(x.Type()).Select(2, 1).Copy(g);
        return (0, g);
    }

    static double[] Run(Tensor x)
    {
        var config = new AdamConfig { LearningRate = 0.05 };
        for (int k = 0; k < 30; k++) optim.Adam(Cubic, x, config);
        return x.ToArray();
    }

    [Theory]
    [InlineData("float")]
    [InlineData("double")]
    public void AdamOnePassTakesTorch7sThirtyStepsBitForBit(string type)
    {
        // 1003 parameters: OpenBLAS's axpy blocks (fused multiply-adds) and its tail, and the SIMD loop's tail
        var x = torch.Load<Tensor>(Fixture($"adam-long-{type}-start.t7"));
        var expected = torch.Load<Tensor>(Fixture($"adam-long-{type}-end.t7")).ToArray();
        x.IsContiguous().Should().BeTrue();
        var got = Run(x);
        got.Should().NotEqual(torch.Load<Tensor>(Fixture($"adam-long-{type}-start.t7")).ToArray());
        for (int i = 0; i < got.Length; i++) got[i].Should().Be(expected[i], $"x[{i + 1}] after 30 steps ({type})");
    }

    [Theory]
    [InlineData("float", 1e-5)]
    [InlineData("double", 1e-12)]
    public void AdamOnAStridedXTakesThePerLineRouteToTorch7sResult(string type, double tolerance)
    {
        var start = torch.Load<Tensor>(Fixture($"adam-long-{type}-start.t7"));
        var x = torch.Tensor(start.Size(1), 2).Type(start.Type()).Select(2, 1).Copy(start);
        x.IsContiguous().Should().BeFalse();
        var expected = torch.Load<Tensor>(Fixture($"adam-long-{type}-end.t7")).ToArray();
        var got = Run(x);
        for (int i = 0; i < got.Length; i++) got[i].Should().BeApproximately(expected[i], tolerance * Math.Max(1, Math.Abs(expected[i])), $"x[{i + 1}] ({type})");
    }
}
