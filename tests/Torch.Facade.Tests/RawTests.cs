namespace Torch.Tests;

/// <summary>The libtorch tensor behind a Tensor can be changed through TorchSharp; the wrapper then reads it again.</summary>
public class RawTests
{
    [Fact]
    public void A_change_of_geometry_made_through_Raw_is_seen_by_the_wrapper()
    {
        var x = torch.Tensor(2, 3).Fill(1);
        x.Size().Should().Equal(2, 3); // cached now
        x.Raw.unsqueeze_(0);
        x.Size().Should().Equal(1, 2, 3);
        x.Stride().Should().Equal(6, 3, 1);
        x.Dim().Should().Be(3);
        x.Raw.transpose_(1, 2);
        x.Size().Should().Equal(1, 3, 2);
        x.IsContiguous().Should().BeFalse();
        x[1, 3, 2] = 5;
        ((double)x.Sum()).Should().Be(10, "element access follows the new geometry");
        x.Raw[0, 2, 1].item<double>().Should().Be(5);
    }
}
