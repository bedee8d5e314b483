namespace Torch.Tests.Math;

public class CompareTests
{
    [Fact]
    public void Comparisons_return_byte_tensors()
    {
        var a = M.V(1, 2, 3); var b = M.V(3, 2, 1);
        var lt = torch.Lt(a, b);
        lt.Type().Should().Be("torch.ByteTensor");
        lt.ShouldEqual(1, 0, 0);
        torch.Le(a, b).ShouldEqual(1, 1, 0);
        torch.Gt(a, b).ShouldEqual(0, 0, 1);
        torch.Ge(a, b).ShouldEqual(0, 1, 1);
        torch.Eq(a, b).ShouldEqual(0, 1, 0);
        torch.Ne(a, b).ShouldEqual(1, 0, 1);
        a.Gt(1.5).ShouldEqual(0, 1, 1);
        torch.Eq(a, 2).ShouldEqual(0, 1, 0);
    }

    [Fact]
    public void Result_forms_fill_a_byte_or_same_type_tensor()
    {
        var a = M.V(1, 2, 3);
        var r = torch.Tensor();
        r.Gt(a, 1).Should().BeSameAs(r);
        r.Type().Should().Be("torch.DoubleTensor");
        r.ShouldEqual(0, 1, 1);
        var rb = torch.ByteTensor();
        rb.Lt(a, M.V(2, 2, 2)).ShouldEqual(1, 0, 0);
        var act = () => torch.IntTensor().Lt(a, 2);
        act.Should().Throw<ArgumentException>().WithMessage("*ByteTensor*IntTensor*");
    }

    [Fact]
    public void Equal_all_any()
    {
        M.V(1, 2, 3).Equal(M.V(1, 2, 3)).Should().BeTrue();
        M.V(1, 2, 3).Equal(M.V(1, 2, 4)).Should().BeFalse();
        M.V(1, 2, 3, 4).Equal(torch.Range(1, 4).View(2, 2)).Should().BeFalse("sizes differ");
        var a = torch.Ones(3).Byte();
        torch.All(a).Should().BeTrue();
        a[2] = 0;
        torch.All(a).Should().BeFalse();
        torch.Any(a).Should().BeTrue();
        a.Zero();
        torch.Any(a).Should().BeFalse();
        var act = () => torch.All(M.V(1));
        act.Should().Throw<InvalidOperationException>().WithMessage("*All*ByteTensor*DoubleTensor*");
    }
}
