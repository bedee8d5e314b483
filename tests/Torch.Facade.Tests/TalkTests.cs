namespace Torch.Tests;

/// <summary>DESIGN.md's tensor snippets, as commented there.</summary>
public class TalkTests
{
    [Fact]
    public void Views_share_the_storage_with_Lua_geometry()
    {
        var a = torch.Tensor(4, 6).Uniform();
        a.Type().Should().Be("torch.DoubleTensor");
        a.ToArray().Should().OnlyContain(v => v >= 0 && v < 1);
        Storage s = a.Storage();
        s.Size().Should().Be(24);

        var row = a.Select(1, 3);
        row.Size().Should().Equal(6);
        row.Stride().Should().Equal(1);
        row.StorageOffset().Should().Be(13);
        row.Fill(3);
        for (int j = 1; j <= 6; j++) ((double)a[3, j]).Should().Be(3);

        var col = a.Select(2, 3);
        col.Stride().Should().Equal(6);
        col.StorageOffset().Should().Be(3);
        col.IsContiguous().Should().BeFalse();

        a[2, 3] = 7;
        double v = a[2, 3];
        v.Should().Be(7);
        s[9].Should().Be(7, "a[2,3] is storage element (2-1)*6+3");

        Tensor r2 = a[2];
        r2.Dim().Should().Be(1);
        r2.StorageOffset().Should().Be(7);
        r2[3] = 8;
        ((double)a[2, 3]).Should().Be(8, "a[2] is a view");
    }

    [Fact]
    public void Geometry_accessors_are_one_based()
    {
        var a = torch.Tensor(4, 6);
        a.Size(1).Should().Be(4);
        a.Stride(2).Should().Be(1);
        a.Dim().Should().Be(2);
        a.NElement().Should().Be(24);
        a.StorageOffset().Should().Be(1);
        var act = () => a.Size(3);
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*Size*dimension 3*expected 1..2*");
    }

    [Fact]
    public void Element_index_out_of_range_names_the_range()
    {
        var a = torch.Tensor(4, 6);
        var act = () => { double _ = a[5, 1]; };
        act.Should().Throw<IndexOutOfRangeException>().WithMessage("*index 5*dimension 1 of size 4*");
    }
}

public class ZeroDimTests
{
    [Fact]
    public void Select_on_a_vector_is_a_one_element_view_printed_as_Lua_prints_the_number()
    {
        var v = torch.Tensor(new[] { 1.5, 2.25, 3 });
        var e = v.Select(1, 2);
        e.Dim().Should().Be(0);
        e.NElement().Should().Be(1);
        e.ToString().Should().Be("2.25");
        e.Fill(7);
        v.ToArray().Should().Equal(1.5, 7, 3);
    }
}
