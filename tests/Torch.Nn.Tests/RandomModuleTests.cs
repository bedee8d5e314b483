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
    public void A_random_connection_table_is_Torch7s()
    {
        torch.ManualSeed(6);
        nn.tables.Random(6, 4, 2).ToArray().Should().Equal(Expected["tables_random"]);
    }

    [Fact]
    public void StochasticGradient_visits_examples_in_Torch7s_order()
    {
        torch.ManualSeed(7);
        var net = nn.Linear(3, 1);
        var inputs = torch.Linspace(-1, 1, 15).View(5, 3);
        var dataset = Enumerable.Range(1, 5).Select(i => ((LuaValue)((Tensor)inputs[i]).Clone(), (LuaValue)torch.Tensor(new[] { i / 5.0 }))).ToList();
        var trainer = nn.StochasticGradient(net, nn.MSECriterion());
        trainer.MaxIteration = 3;
        trainer.Verbose = false;
        trainer.Train(dataset);
        Values([net.Weight, net.Bias!, torch.Tensor(new[] { torch.Uniform() })]).Should().Equal(Expected["stochasticGradient"]);
    }

    [Fact]
    public void SpatialFractionalMaxPooling_places_its_regions_as_Torch7()
    {
        torch.ManualSeed(8);
        var fmp = nn.SpatialFractionalMaxPooling(2, 2, 0.5, 0.5);
        var x = torch.Randn(2, 3, 10, 9);
        var f1 = fmp.Forward(x).AsTensor.Clone();
        var f2 = fmp.Forward(x).AsTensor.Clone();
        fmp.FixPoolingRegions();
        var f3 = fmp.Forward(x).AsTensor.Clone();
        var g3 = fmp.Backward(x, f3.Clone().Fill(1)).AsTensor;
        Values([x, f1, f2, f3, g3, fmp.RandomSamples!]).Should().Equal(Expected["fractional_double"]);
        torch.ManualSeed(9);
        fmp = (SpatialFractionalMaxPooling)nn.SpatialFractionalMaxPooling(3, 2, 4, 5).Float();
        var xf = torch.FloatTensor(2, 11, 9).Normal();
        Values([fmp.Forward(xf).AsTensor, fmp.RandomSamples!]).Should().Equal(Expected["fractional_float"]);
    }

    [Fact]
    public void VolumetricFractionalMaxPooling_places_its_regions_as_Torch7()
    {
        torch.ManualSeed(10);
        var fmp = nn.VolumetricFractionalMaxPooling(2, 2, 2, 0.5, 0.5, 0.5);
        var x = torch.Randn(2, 2, 6, 5, 7);
        var v1 = fmp.Forward(x).AsTensor.Clone();
        var v2 = fmp.Forward(x).AsTensor.Clone();
        fmp.FixPoolingRegions();
        var v3 = fmp.Forward(x).AsTensor.Clone();
        var g = fmp.Backward(x, v3.Clone().Fill(1)).AsTensor.Clone();
        var v4 = fmp.Forward(x.Clone().Mul(-1)).AsTensor; // fixed regions, a new input: its own maxima
        Values([x, v1, v2, v3, g, v4, fmp.RandomSamples!]).Should().Equal(Expected["vfractional_double"]);
        torch.ManualSeed(11);
        fmp = (VolumetricFractionalMaxPooling)nn.VolumetricFractionalMaxPooling(2, 3, 2, 3, 2, 4).Float();
        var xf = torch.FloatTensor(3, 7, 6, 8).Normal();
        Values([fmp.Forward(xf).AsTensor, fmp.RandomSamples!]).Should().Equal(Expected["vfractional_float"]);
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
