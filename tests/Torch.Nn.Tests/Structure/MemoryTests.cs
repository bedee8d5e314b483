namespace Torch.Nn.Tests;

/// <summary>A training loop written as Lua writes it (no using, no Dispose) keeps its memory flat.</summary>
public class MemoryTests
{
    static long Rss()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
        return Environment.WorkingSet;
    }

    static long LiveTensors()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return TorchSharp.torch.Tensor.TotalCount;
    }

    [Fact]
    public void Ten_thousand_Lua_style_training_steps_keep_memory_flat()
    {
        torch.ManualSeed(2);
        var net = nn.Sequential();
        net.Add(nn.Linear(16, 32)).Add(nn.Tanh()).Add(nn.Linear(32, 32)).Add(nn.ELU()).Add(nn.Linear(32, 4)).Add(nn.LogSoftMax());
        var crit = nn.ClassNLLCriterion();
        var (w, dw) = net.GetParameters();
        var x = torch.Tensor(8, 16).Uniform();
        var y = torch.Tensor(new double[] { 1, 2, 3, 4, 4, 3, 2, 1 });
        void Step()
        {
            dw.Zero();
            var o = net.Forward(x);                  // no using, no Dispose: Lua style
            crit.Forward(o, y);
            net.Backward(x, crit.Backward(o, y));
            w.Add(-0.01, dw);
            var sum = torch.Add(w, w);               // a temporary the loop drops
        }
        for (int i = 0; i < 1000; i++) Step();
        long liveBefore = LiveTensors();
        long rssBefore = Rss();
        for (int i = 0; i < 10_000; i++) Step();
        long liveAfter = LiveTensors();
        long rssAfter = Rss();
        (liveAfter - liveBefore).Should().BeLessThan(50, "every temporary of 10,000 steps was released");
        (rssAfter - rssBefore).Should().BeLessThan(64L << 20);
    }

    [Fact]
    public void Evaluate_mode_records_no_autograd_graph()
    {
        var net = nn.Sequential();
        net.Add(nn.Linear(4, 4)).Add(nn.ELU()).Add(nn.Linear(4, 2));   // ELU's backward comes from autograd
        net.Evaluate();
        Tensor o = net.Forward(torch.Tensor(3, 4).Uniform());
        o.Raw.requires_grad.Should().BeFalse();
        ((Tensor)net.Get(2).Output).Raw.requires_grad.Should().BeFalse();
    }
}

public class ConvMemoryTests
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
        // 300 steps allocate about 600 MB; what stays is glibc's retained heap, not tensors (TemporaryTests count those)
        (after - before).Should().BeLessThan(250, "native memory must be released without Dispose (before {0} MB, after {1} MB)", before, after);
    }
}

/// <summary>Each module's forward and backward release every temporary they make (nothing waits for the GC).</summary>
public class TemporaryTests
{
    [Theory]
    [MemberData(nameof(TestIOTests.Modules), MemberType = typeof(TestIOTests))]
    public void Forward_and_backward_leave_no_live_libtorch_tensor_behind(string name, Func<Module> make, long[] inputSize)
    {
        var m = make();
        var x = torch.Tensor(inputSize).Uniform();
        Tensor o = m.Forward(x);
        var go = torch.Tensor(o.Size()).Uniform();
        void Step()
        {
            m.Forward(x);
            m.ZeroGradParameters();
            m.Backward(x, go);
        }
        for (int i = 0; i < 3; i++) Step();
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.TryStartNoGCRegion(64L << 20).Should().BeTrue(); // no finalizer may run while we count
        long before = TorchSharp.torch.Tensor.TotalCount;
        for (int i = 0; i < 20; i++) Step();
        long after = TorchSharp.torch.Tensor.TotalCount;
        if (System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
        (after - before).Should().Be(0, $"{name} must dispose its temporaries");
    }
}
