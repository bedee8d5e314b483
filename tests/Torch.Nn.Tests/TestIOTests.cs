namespace Torch.Nn.Tests;

/// <summary>nn's testIO: a module written to Torch7's format and read back computes exactly what it computed before.</summary>
public class TestIOTests
{
    public static IEnumerable<object[]> Modules()
    {
        yield return new object[] { "Linear", (Func<Module>)(() => nn.Linear(5, 3)), new long[] { 4, 5 } };
        yield return new object[] { "Linear without bias", (Func<Module>)(() => nn.Linear(5, 3).NoBias()), new long[] { 5 } };
        yield return new object[] { "SpatialConvolution", (Func<Module>)(() => nn.SpatialConvolution(2, 3, 3, 3, 2, 2, 1, 1)), new long[] { 2, 2, 7, 7 } };
        yield return new object[] { "SpatialConvolutionMM", (Func<Module>)(() => nn.SpatialConvolutionMM(2, 3, 3, 3)), new long[] { 2, 6, 6 } };
        yield return new object[] { "SpatialDepthWiseConvolution", (Func<Module>)(() => nn.SpatialDepthWiseConvolution(2, 2, 3, 3, 1, 1, 1)), new long[] { 2, 2, 5, 5 } };
        yield return new object[] { "SpatialMaxPooling", (Func<Module>)(() => nn.SpatialMaxPooling(2, 2, 2, 2)), new long[] { 2, 3, 6, 6 } };
        yield return new object[] { "SpatialAveragePooling", (Func<Module>)(() => nn.SpatialAveragePooling(3, 3, 1, 1)), new long[] { 2, 5, 5 } };
        yield return new object[] { "BatchNormalization", (Func<Module>)(() => nn.BatchNormalization(4)), new long[] { 6, 4 } };
        yield return new object[] { "SpatialBatchNormalization", (Func<Module>)(() => nn.SpatialBatchNormalization(3)), new long[] { 2, 3, 4, 4 } };
        yield return new object[] { "Tanh", (Func<Module>)(() => nn.Tanh()), new long[] { 3, 4 } };
        yield return new object[] { "ReLU", (Func<Module>)(() => nn.ReLU()), new long[] { 3, 4 } };
        yield return new object[] { "LogSoftMax", (Func<Module>)(() => nn.LogSoftMax()), new long[] { 3, 4 } };
        yield return new object[] { "View", (Func<Module>)(() => nn.View(12)), new long[] { 3, 4 } };
        yield return new object[] { "Sequential", (Func<Module>)(() =>
        {
            var s = nn.Sequential();
            s.Add(nn.SpatialConvolution(1, 2, 3, 3)).Add(nn.ReLU()).Add(nn.SpatialMaxPooling(2, 2)).Add(nn.View(8)).Add(nn.Linear(8, 3)).Add(nn.LogSoftMax());
            return s;
        }), new long[] { 2, 1, 6, 6 } };
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Round_trip_through_a_file_changes_nothing(string name, Func<Module> make, long[] inputSize)
    {
        torch.ManualSeed(11);
        var (fo, bo) = Jacobian.TestIO(make(), torch.Tensor(inputSize).Uniform(-2, 2));
        fo.Should().Be(0, name);
        bo.Should().Be(0, name);
    }
}
