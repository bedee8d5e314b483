namespace Torch.Tests;

/// <summary>tostring(x) of real Torch7, byte for byte (fixtures/print).</summary>
public class PrintTests
{
    static string Expected(string name) => Fixtures.Text("print", name + ".txt");

    [Fact]
    public void Integers_2x2() =>
        torch.Tensor(new double[,] { { 1, 2 }, { 3, 4 } }).ToString().Should().Be(Expected("int_2x2"));

    [Fact]
    public void Fractions_2x3() =>
        torch.Tensor(new[,] { { 0.5, -1.25, 2 }, { 3.75, 0.125, -0.001 } }).ToString().Should().Be(Expected("frac_2x3"));

    [Fact]
    public void Common_scale_factor() =>
        torch.Tensor(new[] { 0.0001, 0.0002, -0.00035 }).ToString().Should().Be(Expected("scale_small"));

    [Fact]
    public void Three_dimensional_slices()
    {
        var x = torch.Tensor(2, 2, 3);
        int i = 0;
        x.Apply(_ => ++i);
        x.ToString().Should().Be(Expected("cube_2x2x3"));
    }

    [Fact]
    public void Columns_blocks_at_80_characters()
    {
        var x = torch.Tensor(2, 30);
        int i = 0;
        x.Apply(_ => ++i / 7.0);
        x.ToString().Should().Be(Expected("wide_2x30"));
    }

    [Fact]
    public void Empty_tensor() => torch.Tensor().ToString().Should().Be(Expected("empty"));

    [Fact]
    public void Byte_tensor() =>
        torch.ByteTensor(new byte[] { 0, 1, 255, 17 }).ToString().Should().Be(Expected("byte_4"));

    [Fact]
    public void Double_storage() =>
        torch.DoubleStorage(new[] { 1.5, 2, -3 }).ToString().Should().Be(Expected("storage_3"));
}
