namespace Torch.Tests.Math;

/// <summary>Small helpers for the math tests: building tensors like Lua tables and comparing values.</summary>
static class M
{
    public static Tensor V(params double[] values) => torch.Tensor(values);
    public static Tensor Mat(double[,] values) => torch.Tensor(values);
    public static Tensor L(params long[] values) => torch.LongTensor(values.Select(v => (double)v).ToArray());

    public static void ShouldEqual(this Tensor t, params double[] expected) =>
        t.ToArray().Should().Equal(expected);

    public static void ShouldBeClose(this Tensor t, double tolerance, params double[] expected)
    {
        var a = t.ToArray();
        a.Length.Should().Be(expected.Length);
        for (int i = 0; i < a.Length; i++) a[i].Should().BeApproximately(expected[i], tolerance, $"element {i + 1}");
    }
}

/// <summary>Tests that reseed the global generator and compare draws run alone, so no parallel test draws in between.</summary>
[CollectionDefinition("Seeded random", DisableParallelization = true)]
public class SeededRandomCollection { }
