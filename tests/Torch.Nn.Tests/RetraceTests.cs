using Torch.Optim;
using Xunit.Abstractions;

namespace Torch.Nn.Tests;

/// <summary>Whole programs that retrace Torch7's runs: tools/torch7/retrace.lua trained two small nets in the real Torch7
/// from torch.manualSeed(1) (initial weights by reset(), data and Dropout masks from the same stream) and wrote the loss of
/// every iteration to tests/fixtures/random/retrace.txt; these are the same programs ported line by line.</summary>
public class RetraceTests(ITestOutputHelper output)
{
    const double Tolerance = 1e-10;
    static readonly Dictionary<string, double[]> Expected = Torch.Tests.Fixtures.Rows("random", "retrace.txt");

    void Retraces(string name, IReadOnlyList<double> losses)
    {
        var expected = Expected[name];
        losses.Should().HaveCount(expected.Length);
        output.WriteLine($"{name}: |loss - Torch7's| per iteration: " + string.Join(" ", losses.Select((l, i) => $"{Math.Abs(l - expected[i]):G2}")));
        for (int i = 0; i < expected.Length; i++)
            losses[i].Should().BeApproximately(expected[i], Tolerance, $"{name}: loss of iteration {i + 1} is Torch7's");
    }

    [Fact]
    public void An_unrolled_nngraph_LSTM_trained_by_RMSprop_retraces_Torch7()
    {
        const int inputSize = 3, rnnSize = 5, layers = 2, batch = 2, steps = 4;
        torch.ManualSeed(1);
        var proto = GModuleCloneTests.Lstm(inputSize, rnnSize, layers);
        var (parameters, grads) = proto.GetParameters();
        var clones = Enumerable.Range(0, steps).Select(_ => proto.Clone("weight", "bias", "gradWeight", "gradBias")).ToArray();
        var crit = nn.ClassNLLCriterion();
        var config = new RmspropConfig { LearningRate = 2e-2, Alpha = 0.95 };
        var losses = new List<double>();
        for (int it = 1; it <= 20; it++)
        {
            var xs = new Tensor[steps]; var ys = new Tensor[steps];
            for (int t = 0; t < steps; t++)
            {
                xs[t] = torch.Tensor(batch, inputSize).Normal();
                ys[t] = torch.Tensor(batch).Random(inputSize);
            }
            (double, Tensor) Feval(Tensor p)
            {
                grads.Zero();
                var state = new List<LuaValue>[steps + 1];
                state[0] = Enumerable.Range(0, 2 * layers).Select(_ => (LuaValue)torch.Zeros(batch, rnnSize)).ToList();
                var preds = new Tensor[steps];
                double loss = 0;
                for (int t = 0; t < steps; t++)
                {
                    Table lst = clones[t].Forward(new Table(state[t].Prepend(xs[t]).ToArray()));
                    state[t + 1] = Enumerable.Range(1, 2 * layers).Select(i => lst[i]).ToList();
                    preds[t] = (Tensor)lst[2 * layers + 1];
                    loss += crit.Forward(preds[t], ys[t]);
                }
                var dstate = Enumerable.Range(0, 2 * layers).Select(_ => (LuaValue)torch.Zeros(batch, rnnSize)).ToList();
                for (int t = steps - 1; t >= 0; t--)
                {
                    var doutput = ((Tensor)crit.Backward(preds[t], ys[t])).Clone();
                    Table dlst = clones[t].Backward(new Table(state[t].Prepend(xs[t]).ToArray()), new Table(dstate.Append(doutput).ToArray()));
                    dstate = Enumerable.Range(2, 2 * layers).Select(i => (LuaValue)((Tensor)dlst[i]).Clone()).ToList();
                }
                grads.Clamp(-5, 5);
                return (loss / steps, grads);
            }
            var (_, fx) = optim.Rmsprop(Feval, parameters, config);
            losses.Add(fx[0]);
        }
        Retraces("lstm_rmsprop", losses);
    }

    [Fact]
    public void A_convolutional_net_with_Dropout_and_batch_normalisation_trained_by_SGD_retraces_Torch7()
    {
        torch.ManualSeed(1);
        var net = nn.Sequential();
        net.Add(nn.SpatialConvolution(1, 4, 3, 3));
        net.Add(nn.SpatialBatchNormalization(4));
        net.Add(nn.ReLU());
        net.Add(nn.SpatialMaxPooling(2, 2, 2, 2));
        net.Add(nn.View(4 * 3 * 3));
        net.Add(nn.Dropout(0.3));
        net.Add(nn.Linear(36, 10));
        net.Add(nn.BatchNormalization(10));
        net.Add(nn.Tanh());
        net.Add(nn.Linear(10, 3));
        net.Add(nn.LogSoftMax());
        var crit = nn.ClassNLLCriterion();
        var (parameters, grads) = net.GetParameters();
        var config = new SgdConfig { LearningRate = 0.05, Momentum = 0.9, WeightDecay = 1e-4 };
        var losses = new List<double>();
        for (int it = 1; it <= 20; it++)
        {
            var x = torch.Tensor(6, 1, 8, 8).Uniform(-1, 1);
            var y = torch.Tensor(6).Random(3);
            (double, Tensor) Feval(Tensor p)
            {
                grads.Zero();
                var o = net.Forward(x);
                double loss = crit.Forward(o, y);
                net.Backward(x, crit.Backward(o, y));
                return (loss, grads);
            }
            var (_, fx) = optim.Sgd(Feval, parameters, config);
            losses.Add(fx[0]);
        }
        net.Evaluate();
        var xe = torch.Tensor(6, 1, 8, 8).Uniform(-1, 1);
        var ye = torch.Tensor(6).Random(3);
        losses.Add(crit.Forward(net.Forward(xe), ye));
        Retraces("convnet_sgd", losses);
    }
}
