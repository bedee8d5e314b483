namespace Torch.Nn.Tests;

public class KmeansTests
{
    static Tensor Points() => torch.Tensor(new double[,]
    {
        { 0, 0 }, { 0, 1 }, { 1, 0 },          // near (0, 0)
        { 10, 10 }, { 10, 12 }, { 12, 10 },    // near (10, 10)
    });

    [Fact]
    public void Forward_labels_each_sample_with_its_nearest_centre_and_sums_the_squared_error()
    {
        var km = nn.Kmeans(2, 2);
        km.Weight.Copy(torch.Tensor(new double[,] { { 10, 10 }, { 0, 0 } }));
        Tensor labels = km.Forward(Points());
        labels.ToArray().Should().Equal(2, 2, 2, 1, 1, 1);
        km.Loss.Should().BeApproximately(0 + 1 + 1 + 0 + 4 + 4, 1e-12);
        ((Tensor)km.Backward(Points(), labels)).ToArray().Should().OnlyContain(v => v == 0, "Kmeans has its own criterion");
    }

    [Fact]
    public void An_update_with_rate_one_moves_each_centre_to_its_samples_mean()
    {
        var km = nn.Kmeans(2, 2);
        km.Weight.Copy(torch.Tensor(new double[,] { { 9, 9 }, { 1, 1 } }));
        km.Forward(Points());
        km.ZeroGradParameters();
        km.AccGradParameters(Points(), torch.Tensor(6));
        km.ClusterSampleCount.ToArray().Should().Equal(3, 3);
        km.UpdateParameters(1);
        var c = km.Weight.ToArray();
        c[0].Should().BeApproximately(32.0 / 3, 1e-6); c[1].Should().BeApproximately(32.0 / 3, 1e-6);
        c[2].Should().BeApproximately(1.0 / 3, 1e-6); c[3].Should().BeApproximately(1.0 / 3, 1e-6);
    }

    [Fact]
    public void Initialisations_pick_centres_among_the_samples()
    {
        torch.ManualSeed(3);
        var x = Points();
        var rows = Enumerable.Range(1, 6).Select(i => x.Select(1, i).ToArray()).ToList();
        var km = nn.Kmeans(2, 2);
        km.InitRandom(x);
        for (int k = 1; k <= 2; k++) rows.Should().Contain(r => r.SequenceEqual(km.Weight.Select(1, k).ToArray()));
        km.InitKmeansPlus(x, 0.5);
        for (int k = 1; k <= 2; k++) rows.Should().Contain(r => r.SequenceEqual(km.Weight.Select(1, k).ToArray()));
        var act = () => nn.Kmeans(2, 3).Forward(x);
        act.Should().Throw<ArgumentException>().WithMessage("*dimension 3*got 2*");
    }
}
