using Torch;
using Torch.Nn;
using Torch.Threads;

namespace Hogwild;

/// <summary>Hogwild training with the threads package, as Torch7 users ran it: each worker trains its own clone of one network,
/// the clones share the weights and biases but keep their own gradients, and every worker updates the shared weights in place,
/// without locks.</summary>
public static class HogwildTraining
{
    /// <summary>Trains <paramref name="net"/> (ending in LogSoftMax) on the rows of <paramref name="x"/> and the class numbers
    /// <paramref name="targets"/> with <paramref name="workers"/> threads, each taking an equal share of the rows in batches of
    /// <paramref name="batch"/>, one pass, plain SGD at <paramref name="learningRate"/>.
    /// Example: <c>HogwildTraining.Train(net, x, targets, workers: 2, batch: 16, learningRate: 0.1);</c></summary>
    public static void Train(Module net, Tensor x, Tensor targets, int workers, int batch, double learningRate)
    {
        using var pool = new Threads(workers);
        long share = x.Size(1) / workers;
        for (int id = 0; id < workers; id++)
        {
            long first = 1 + id * share;
            pool.AddJob(() =>
            {
                var replica = net.Clone("weight", "bias");      // shares the parameters, owns its gradients and buffers
                var crit = nn.ClassNLLCriterion();
                for (long b = first; b + batch - 1 < first + share; b += batch)
                {
                    Tensor xb = x.Narrow(1, b, batch), yb = targets.Narrow(1, b, batch);
                    replica.ZeroGradParameters();
                    crit.Forward(replica.Forward(xb), yb);
                    replica.Backward(xb, crit.Backward(replica.Output, yb));
                    replica.UpdateParameters(learningRate);     // lock-free, straight into the shared weights
                }
                return 0;
            }, _ => { });
        }
        pool.Synchronize();
    }
}
