namespace Torch.Nn.Tests;

public class MemoryTests
{
    static long Rss()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var p = System.Diagnostics.Process.GetCurrentProcess();
        return p.WorkingSet64 >> 20;
    }

    [Fact]
    public void LuaStyleTrainingLoopWithoutDisposeKeepsMemoryFlat()
    {
        var net = nn.Sequential().Add(nn.SpatialConvolution(1, 6, 5, 5)).Add(nn.ReLU()).Add(nn.SpatialMaxPooling(2, 2))
            .Add(nn.View(6 * 12 * 12)).Add(nn.Linear(6 * 12 * 12, 10)).Add(nn.LogSoftMax());
        var crit = nn.ClassNLLCriterion();
        var (w, dw) = net.GetParameters();
        var targets = torch.Tensor(16).Fill(3);
        void Step()
        {
            var x = torch.Tensor(16, 1, 28, 28).Uniform();     // a fresh batch every step, never disposed
            dw.Zero();
            Tensor o = net.Forward(x);
            crit.Forward(o, targets);
            net.Backward(x, crit.Backward(o, targets));
            w.Add(-0.01, dw);
        }
        for (int i = 0; i < 50; i++) Step();
        long before = Rss();
        for (int i = 0; i < 300; i++) Step();                 // about 2 MB of native tensors per step
        long after = Rss();
        (after - before).Should().BeLessThan(150, "native memory must be released without Dispose (before {0} MB, after {1} MB)", before, after);
    }
}
