namespace Torch.Nn.Tests;

/// <summary>Files made by the real Lua Torch7, read from ../shared/fixtures beside the repository.</summary>
public static class Fixtures
{
    public static string Root => Torch.Tests.Fixtures.Root;

    /// <summary>One number per line (%.17g), row-major, from t7/NAME.txt.</summary>
    public static double[] Numbers(string name) => Torch.Tests.Fixtures.Numbers("t7", name + ".txt");

    /// <summary>The numbers of t7/NAME.txt as a DoubleTensor of the given sizes.</summary>
    public static Tensor Tensor(string name, params long[] sizes)
    {
        var values = Numbers(name);
        var t = torch.Tensor(values).View(sizes);
        return t;
    }
}

/// <summary>Shared assertions for the gradient checks (Torch7's precision: 1e-5 in double).</summary>
public static class Check
{
    public const double Precision = 1e-5;

    public static void Close(Tensor actual, double[] expected, double tolerance)
    {
        var a = actual.ToArray();
        a.Length.Should().Be(expected.Length);
        for (int i = 0; i < a.Length; i++) a[i].Should().BeApproximately(expected[i], tolerance, $"element {i + 1}");
    }

    public static void Close(Tensor actual, Tensor expected, double tolerance) => Close(actual, expected.ToArray(), tolerance);

    /// <summary>Jacobian of the input, and of every parameter (testJacobianParameters and testJacobianUpdateParameters).</summary>
    public static void Gradients(Module m, Tensor input, double precision = Precision)
    {
        Jacobian.TestJacobian(m, input).Should().BeLessThan(precision, "input Jacobian of " + m);
        var (ps, gs) = m.Parameters();
        for (int i = 0; i < ps.Count; i++)
        {
            Jacobian.TestJacobianParameters(m, input, ps[i], gs[i]).Should().BeLessThan(precision, $"parameter {i + 1} of {m}");
            Jacobian.TestJacobianUpdateParameters(m, input, ps[i]).Should().BeLessThan(precision, $"update of parameter {i + 1} of {m}");
        }
    }
}
