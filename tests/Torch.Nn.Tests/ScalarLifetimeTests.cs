namespace Torch.Nn.Tests;

/// <summary>Modules computing while another thread collects garbage and runs finalizers (a pool worker beside the trainer,
/// parallel tests): TorchSharp's per-call Scalars, when nothing held them, were finalized while libtorch read them (a Hogwild
/// worker's Linear failed with "Expected false to be true" from <c>Scalar::toDouble</c>; Internal/KeptScalars.cs). Each module
/// here passed numbers to libtorch that way. The race is a matter of timing: with the old code this test failed in most runs
/// (the two-thread probe measured 3 failures in 5 s for one call alone); now every result must also equal the one computed
/// with no collector running.</summary>
public class ScalarLifetimeTests
{
    [Fact]
    public void Modules_give_the_same_numbers_while_another_thread_finalizes()
    {
        torch.ManualSeed(3);
        var x = torch.Tensor(8, 6).Uniform(0.05, 0.95);
        var t = torch.Tensor(8, 6).Uniform(0.05, 0.95);
        var modules = new Module[] { nn.Linear(6, 6), nn.HardTanh(-0.5, 0.5), nn.MulConstant(0.5), nn.AddConstant(0.25), nn.Power(2), nn.ELU(), nn.LeakyReLU(0.1), nn.Sqrt() };
        var crit = nn.BCECriterion();
        SameWhileFinalizing(() => Sum(modules, x) + crit.Forward(x, t) + ((Tensor)crit.Backward(x, t)).Sum());
    }

    /// <summary>The modules whose gradients run through the library's TorchScript functions (Internal/ScriptCall.cs): TorchSharp's
    /// invoke made a Scalar of each long and double argument (strides, pads, eps, momentum) and dropped it at once; a parallel
    /// test run failed once with "Expected false to be true" in SpatialFullConvolution's gradient.</summary>
    [Fact]
    public void Scripted_gradients_give_the_same_numbers_while_another_thread_finalizes()
    {
        torch.ManualSeed(4);
        var x = torch.FloatTensor(2, 3, 6, 6).Uniform(-1, 1);
        var modules = new Module[]
        {
            nn.SpatialBatchNormalization(3).Float(), nn.SpatialAveragePooling(2, 2, 2, 2).Float(),
            nn.SpatialConvolution(3, 3, 3, 3, 1, 1, 1, 1).Float(), nn.SpatialFullConvolution(3, 3, 3, 3, 2, 2, 1, 1, 1, 1).Float(),
        };
        SameWhileFinalizing(() => Sum(modules, x));
    }

    static double Sum(Module[] modules, Tensor x)
    {
        double sum = 0;
        foreach (var m in modules)
        {
            Tensor y = m.Forward(x);
            Tensor g = m.Backward(x, y);
            sum += y.Sum() + g.Sum();
        }
        return sum;
    }

    /// <summary>Runs <paramref name="run"/> for 2 s beside a thread that collects and finalizes without pause; every result must
    /// equal the first, computed with no collector running.</summary>
    static void SameWhileFinalizing(Func<double> run)
    {
        double expected = run();
        bool stop = false;
        var collector = new Thread(() =>
        {
            while (!Volatile.Read(ref stop))
            {
                for (int i = 0; i < 100; i++) _ = new byte[64];
                GC.Collect(0, GCCollectionMode.Forced, blocking: true);
                GC.WaitForPendingFinalizers();
            }
        });
        collector.Start();
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (clock.Elapsed.TotalSeconds < 2)
                run().Should().Be(expected);
        }
        finally
        {
            Volatile.Write(ref stop, true);
            collector.Join();
        }
    }
}
