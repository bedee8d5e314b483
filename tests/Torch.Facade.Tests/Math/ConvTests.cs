namespace Torch.Tests.Math;

public class ConvTests
{
    static Tensor X() => M.Mat(new double[,] { { 1, 2, 3 }, { 4, 5, 6 }, { 7, 8, 9 } });
    static Tensor K() => M.Mat(new double[,] { { 1, 2 }, { 3, 4 } });

    [Fact]
    public void Xcorr2_valid_and_conv2_flips_the_kernel()
    {
        // xcorr: out[i,j] = sum k[a,b] x[i+a, j+b]
        torch.Xcorr2(X(), K()).ShouldEqual(37, 47, 67, 77);
        // conv: the kernel flipped: {{4,3},{2,1}}
        torch.Conv2(X(), K()).ShouldEqual(23, 33, 53, 63);
    }

    [Fact]
    public void Full_mode_pads_by_the_kernel_size_minus_one()
    {
        var f = torch.Conv2(X(), K(), "F");
        f.Size().Should().Equal(4, 4);
        // full convolution = polynomial product; corner terms
        ((double)f[1, 1]).Should().Be(1);
        ((double)f[4, 4]).Should().Be(36);
        ((double)f[1, 2]).Should().Be(4);
        torch.Xcorr2(X(), K(), "F").Size().Should().Equal(4, 4);
        torch.Conv2(torch.Rand(100, 100), torch.Rand(10, 10)).Size().Should().Equal(91, 91);
        torch.Conv2(torch.Rand(100, 100), torch.Rand(10, 10), "F").Size().Should().Equal(109, 109);
    }

    [Fact]
    public void Plane_wise_and_matrix_vector_forms()
    {
        var x = torch.Cat(new[] { X().View(1, 3, 3), X().View(1, 3, 3) }, 1);           // 2x3x3
        var k = torch.Cat(new[] { K().View(1, 2, 2), torch.Ones(1, 2, 2) }, 1);        // 2x2x2
        var planes = torch.Xcorr2(x, k);
        planes.Size().Should().Equal(2, 2, 2);
        planes.ShouldEqual(37, 47, 67, 77, 12, 16, 24, 28);
        var mv = torch.Xcorr2(x, k.View(1, 2, 2, 2));
        mv.Size().Should().Equal(1, 2, 2);
        mv.ShouldEqual(49, 63, 91, 105);
    }

    [Fact]
    public void Three_d_convolutions()
    {
        var x = torch.Ones(3, 3, 3); var k = torch.Ones(2, 2, 2);
        torch.Conv3(x, k).Size().Should().Equal(2, 2, 2);
        torch.Conv3(x, k).ToArray().Should().OnlyContain(v => v == 8);
        torch.Xcorr3(x, k, "F").Size().Should().Equal(4, 4, 4);
    }

    [Fact]
    public void Bad_shapes_are_managed_errors()
    {
        var act = () => torch.Conv2(K(), X());
        act.Should().Throw<ArgumentException>().WithMessage("*Conv2*smaller than the kernel*");
        var act2 = () => torch.Conv2(M.V(1, 2), K());
        act2.Should().Throw<ArgumentException>().WithMessage("*Conv2*1D*2D*");
        var act3 = () => torch.Conv2(X(), K(), "X");
        act3.Should().Throw<ArgumentException>().WithMessage("*mode 'X'*");
    }
}
