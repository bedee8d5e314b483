namespace Torch.Nn.Tests;

/// <summary>The random numbers nn modules draw, against Torch7: tools/torch7/nn_random.lua made tests/fixtures/random/nn.txt
/// with the real Torch7 (reset()'s parameters in Lua's draw order, Dropout/RReLU/WhiteNoise noise, Kmeans' initialisations);
/// each test builds the same modules from the same seed here, and every number must be equal.</summary>
public class RandomModuleTests
{
    static readonly Dictionary<string, double[]> Expected = Torch.Tests.Fixtures.Rows("random", "nn.txt");

    static double[] Values(IEnumerable<Tensor> ts) => ts.SelectMany(t => t.ToArray()).ToArray();

    static readonly Dictionary<string, Func<Module>> Modules = new()
    {
        ["Linear"] = () => nn.Linear(5, 3),
        ["LinearNoBias"] = () => nn.Linear(5, 3, false),
        ["Bilinear"] = () => nn.Bilinear(3, 2, 4),
        ["Add"] = () => nn.Add(4),
        ["AddScalar"] = () => nn.Add(4, true),
        ["CAdd"] = () => nn.CAdd(2, 3),
        ["Mul"] = () => nn.Mul(),
        ["CMul"] = () => nn.CMul(2, 3),
        ["Cosine"] = () => nn.Cosine(4, 3),
        ["Euclidean"] = () => nn.Euclidean(4, 3),
        ["WeightedEuclidean"] = () => nn.WeightedEuclidean(4, 3),
        ["LookupTable"] = () => nn.LookupTable(5, 3),
        ["SparseLinear"] = () => nn.SparseLinear(5, 3),
        ["PartialLinear"] = () => nn.PartialLinear(5, 3),
        ["IndexLinear"] = () => nn.IndexLinear(5, 3),
        ["LinearWeightNorm"] = () => nn.LinearWeightNorm(5, 3),
        ["SpatialConvolution"] = () => nn.SpatialConvolution(2, 3, 3, 2),
        ["SpatialConvolutionMM"] = () => nn.SpatialConvolutionMM(2, 3, 3, 2),
        ["SpatialFullConvolution"] = () => nn.SpatialFullConvolution(2, 3, 3, 2),
        ["SpatialDilatedConvolution"] = () => nn.SpatialDilatedConvolution(2, 3, 3, 2),
        ["SpatialConvolutionLocal"] = () => nn.SpatialConvolutionLocal(2, 3, 4, 4, 3, 2),
        ["SpatialConvolutionMap"] = () => nn.SpatialConvolutionMap(nn.tables.Full(2, 3), 3, 2),
        ["SpatialFullConvolutionMap"] = () => nn.SpatialFullConvolutionMap(nn.tables.Full(2, 3), 3, 2),
        ["SpatialSubSampling"] = () => nn.SpatialSubSampling(2, 3, 2),
        ["SpatialDepthWiseConvolution"] = () => nn.SpatialDepthWiseConvolution(2, 2, 3, 2),
        ["TemporalConvolution"] = () => nn.TemporalConvolution(3, 2, 3),
        ["TemporalSubSampling"] = () => nn.TemporalSubSampling(3, 2),
        ["TemporalRowConvolution"] = () => nn.TemporalRowConvolution(3, 2),
        ["VolumetricConvolution"] = () => nn.VolumetricConvolution(2, 2, 2, 3, 2),
        ["VolumetricFullConvolution"] = () => nn.VolumetricFullConvolution(2, 2, 2, 3, 2),
        ["VolumetricDilatedConvolution"] = () => nn.VolumetricDilatedConvolution(2, 2, 2, 3, 2),
        ["BatchNormalization"] = () => nn.BatchNormalization(4),
        ["SpatialBatchNormalization"] = () => nn.SpatialBatchNormalization(3),
        ["Kmeans"] = () => nn.Kmeans(3, 4),
        ["Maxout"] = () => nn.Maxout(4, 3, 2),
        ["WeightNorm"] = () => nn.WeightNorm(nn.Linear(4, 3)),
        ["Sequential"] = () => nn.Sequential().Add(nn.Linear(3, 4)).Add(nn.Tanh()).Add(nn.Linear(4, 2)),
    };

    public static TheoryData<string> ModuleNames() => new(Modules.Keys);

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Reset_draws_Torch7s_initial_parameters(string name)
    {
        torch.ManualSeed(1);
        var m = Modules[name]();
        Values(m.Parameters().Params).Should().Equal(Expected["reset_" + name], $"{name}'s reset draws in Lua's order and formula");
    }

    [Fact]
    public void Reset_with_a_stdv_and_on_float_modules_rounds_as_Torch7()
    {
        torch.ManualSeed(2);
        var lin = nn.Linear(4, 3);
        lin.Reset(0.1);
        Values([lin.Weight, lin.Bias!]).Should().Equal(Expected["resetStdv_Linear"]);
        torch.ManualSeed(2);
        lin = (Linear)nn.Linear(4, 3).Float();
        lin.Reset();
        Values([lin.Weight, lin.Bias!]).Should().Equal(Expected["resetFloat_Linear"]);
        torch.ManualSeed(2);
        var conv = (SpatialConvolution)nn.SpatialConvolution(2, 3, 3, 3).Float();
        conv.Reset(0.05);
        Values([conv.Weight, conv.Bias!]).Should().Equal(Expected["resetFloat_SpatialConvolution"]);
    }

    static readonly Dictionary<string, Func<Module>> Stochastic = new()
    {
        ["Dropout"] = () => nn.Dropout(0.3),
        ["DropoutV1"] = () => nn.Dropout(0.3, true),
        ["SpatialDropout"] = () => nn.SpatialDropout(0.4),
        ["RReLU"] = () => nn.RReLU(0.1, 0.3),
        ["WhiteNoise"] = () => nn.WhiteNoise(0.1, 0.2),
    };

    public static TheoryData<string, string> StochasticCases()
    {
        var d = new TheoryData<string, string>();
        foreach (var name in Stochastic.Keys) { d.Add(name, "double"); d.Add(name, "float"); }
        return d;
    }

    [Theory]
    [MemberData(nameof(StochasticCases))]
    public void Training_noise_is_Torch7s(string name, string type)
    {
        var typeName = type == "double" ? "torch.DoubleTensor" : "torch.FloatTensor";
        torch.ManualSeed(3);
        var m = Stochastic[name]().Type(typeName);
        var x = torch.Linspace(-1, 1, 24).View(2, 3, 4).Type(typeName);
        var y1 = m.Forward(x).AsTensor.Clone();
        var y2 = m.Forward(x).AsTensor.Clone();
        Values([y1, y2]).Should().Equal(Expected[$"noise_{name}_{type}"]);
    }

    [Fact]
    public void VolumetricDropout_noise_is_Torch7s()
    {
        torch.ManualSeed(3);
        var y = nn.VolumetricDropout(0.5).Forward(torch.Ones(2, 3, 2, 2, 2)).AsTensor;
        y.ToArray().Should().Equal(Expected["noise_VolumetricDropout_double"]);
    }

    [Fact]
    public void Kmeans_initialisations_pick_Torch7s_samples()
    {
        var data = torch.Linspace(0, 1, 40).View(10, 4);
        torch.ManualSeed(4);
        var km = nn.Kmeans(3, 4);
        km.InitRandom(data);
        km.Weight.ToArray().Should().Equal(Expected["kmeans_initRandom"]);
        torch.ManualSeed(4);
        km = nn.Kmeans(3, 4);
        km.InitKmeansPlus(data, 0.5);
        km.Weight.ToArray().Should().Equal(Expected["kmeans_initKmeansPlus"]);
    }
}
