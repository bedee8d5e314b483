using CharRnn;
using Torch.Nn;
using Torch.Optim;
using TorchSharp;
using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch.Benchmarks;

/// <summary>char-rnn's training batch (train.lua's feval and optim.rmsprop): a 2x128 LSTM (examples/CharRnn's model and clones),
/// sequence 50, batch 50, double, 65 characters; against the same LSTM written in raw TorchSharp with autograd.</summary>
static class CharRnnBenchmark
{
    const int Vocab = 65, Rnn = 128, Layers = 2, Seq = 50, Batch = 50;

    public static bool Run()
    {
        var r = Bench.NsPerOp(n => { for (int i = 0; i < n; i++) FacadeStep.Value(); }, n => { for (int i = 0; i < n; i++) RawStep.Value(); }, 2, rounds: 7);
        return Bench.Compare("char-rnn 2x128 LSTM, seq 50, batch 50, double", r, 1.00, "ms/batch", 1e-6)
               | Bench.Report("char-rnn batch (target from Torch7's 0.27 s)", $"{r.Facade * 1e-9:F3} s/batch", r.Facade * 1e-9 <= 0.22, "<= 0.22 s");
    }

    /// <summary>The library's side alone, <paramref name="batches"/> batches after two warm-up ones, for a profiler
    /// (<c>dotnet-trace collect -- ... -- charrnn-profile</c>); prints the median wall and thread CPU time per batch and the
    /// collections per batch after the first.</summary>
    public static void Profile(int batches = 20)
    {
        FacadeStep.Value(); // the first batch makes the clones' buffers: its collections are not the steady state's
        int[] gcs = { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) };
        var (wall, cpu) = Bench.Medians(FacadeStep.Value, batches);
        Console.WriteLine($"char-rnn library side alone: median {wall:F1} ms/batch (thread CPU {cpu:F1} ms) over {batches} batches, "
            + $"collections per batch (gen 0, 1, 2): {string.Join(", ", gcs.Select((c, g) => ((GC.CollectionCount(g) - c) / (double)(batches + 1)).ToString("F2")))}");
    }

    /// <summary>What the model and its 50 clones hold after one batch (as <c>anchors/charrnn_step.lua</c> measures Torch7's): the
    /// growth of resident memory and of the managed heap from before the model was built, after collecting garbage.</summary>
    public static void Memory()
    {
        static void Collect() { for (int i = 0; i < 2; i++) { GC.Collect(); GC.WaitForPendingFinalizers(); } }
        Collect();
        long rss0 = Bench.RssBytes(), heap0 = GC.GetTotalMemory(true);
        var step = Facade();
        step();
        Collect();
        Console.WriteLine($"char-rnn, {Seq} clones after one batch: tensor storages {StorageBytes(step) / 1048576.0:F1} MiB, resident memory "
            + $"+{(Bench.RssBytes() - rss0) / 1048576.0:F1} MiB, managed heap +{(GC.GetTotalMemory(true) - heap0) / 1048576.0:F1} MiB "
            + "(growth from before the model was built)");
        GC.KeepAlive(step);
    }

    /// <summary>The bytes of the distinct libtorch storages reachable from <paramref name="root"/> through any field (modules'
    /// buffers and caches, graphs' node tables, closures), each storage counted once however many views share it.</summary>
    static long StorageBytes(object root)
    {
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        var storages = new Dictionary<IntPtr, ulong>();
        var stack = new Stack<object>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var o = stack.Pop();
            var type = o.GetType();
            if (type.IsPrimitive || o is string || o is Type || o is System.Reflection.MemberInfo || o is IntPtr || !seen.Add(o)) continue;
            if (o is TT t)
            {
                if (t.Handle != IntPtr.Zero && Torch.Native.THS.THSStorage_data_ptr(t.Handle) is var p && p != IntPtr.Zero)
                    storages[p] = Torch.Native.THS.THSStorage_nbytes(t.Handle);
                continue;
            }
            if (o is Array a)
            {
                if (!type.GetElementType()!.IsPrimitive) foreach (var x in a) if (x is not null) stack.Push(x);
                continue;
            }
            for (var ty = type; ty is not null; ty = ty.BaseType)
                foreach (var f in ty.GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public
                                               | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.DeclaredOnly))
                    if (!f.FieldType.IsPrimitive && !f.FieldType.IsPointer && f.GetValue(o) is { } v) stack.Push(v);
        }
        return (long)storages.Values.Aggregate(0UL, (s, n) => s + n);
    }

    static readonly Lazy<Action> FacadeStep = new(Facade);
    static readonly Lazy<Action> RawStep = new(Raw);

    static Action Facade()
    {
        torch.ManualSeed(1);
        CharRnn.OneHot.Register(); // the clones are read back from a serialization
        var rnn = LSTM.Lstm(Vocab, Rnn, Layers);
        var criterion = nn.ClassNLLCriterion();
        var (parameters, gradParams) = ModelUtils.CombineAllParameters(rnn);
        parameters.Uniform(-0.08, 0.08);
        var clones = ModelUtils.CloneManyTimes(rnn, Seq).Cast<Module>().ToArray();
        var crits = ModelUtils.CloneManyTimes(criterion, Seq).Cast<Criterion>().ToArray();
        var x = torch.Tensor(Seq, Batch).Random(1, Vocab);
        var y = torch.Tensor(Seq, Batch).Random(1, Vocab);
        var init = Enumerable.Range(0, 2 * Layers).Select(_ => torch.Zeros(Batch, Rnn)).ToList();
        var config = new RmspropConfig { LearningRate = 2e-3, Alpha = 0.95 };
        LuaValue[] Step(int t, List<Tensor> state) => new LuaValue[] { x.Select(1, t) }.Concat(state.Select(s => (LuaValue)s)).ToArray();
        (double, Tensor) Feval(Tensor _)
        {
            gradParams.Zero();
            var state = new List<Tensor>[Seq + 1];
            state[0] = init;
            var predictions = new Tensor[Seq + 1];
            double loss = 0;
            for (int t = 1; t <= Seq; t++)
            {
                clones[t - 1].Training();
                Table lst = clones[t - 1].Forward(new Table(Step(t, state[t - 1])));
                state[t] = new List<Tensor>();
                for (int i = 1; i <= init.Count; i++) state[t].Add(lst[i]);
                predictions[t] = lst[lst.Length];
                loss += crits[t - 1].Forward(predictions[t], y.Select(1, t));
            }
            var dstate = init.Select(s => (LuaValue)s.Clone().Zero()).ToList();
            for (int t = Seq; t >= 1; t--)
            {
                dstate.Add(crits[t - 1].Backward(predictions[t], y.Select(1, t)));
                Table dlst = clones[t - 1].Backward(new Table(Step(t, state[t - 1])), new Table(dstate.ToArray()));
                dstate = new List<LuaValue>();
                for (int k = 2; k <= dlst.Length; k++) dstate.Add(dlst[k]);
            }
            gradParams.Clamp(-5, 5);
            return (loss / Seq, gradParams);
        }
        return () => optim.Rmsprop(Feval, parameters, config);
    }

    static Action Raw()
    {
        TS.manual_seed(1);
        var layers = new List<(TS.nn.Module<TT, TT> I2h, TS.nn.Module<TT, TT> H2h)>();
        for (int l = 0; l < Layers; l++)
            layers.Add((TS.nn.Linear(l == 0 ? Vocab : Rnn, 4 * Rnn).to(TS.ScalarType.Float64), TS.nn.Linear(Rnn, 4 * Rnn).to(TS.ScalarType.Float64)));
        var decoder = TS.nn.Linear(Rnn, Vocab).to(TS.ScalarType.Float64);
        var ps = layers.SelectMany(p => p.I2h.parameters().Concat(p.H2h.parameters())).Concat(decoder.parameters()).ToArray();
        var rms = TS.optim.RMSProp(ps, 2e-3, alpha: 0.95, eps: 1e-8);
        var x = TS.randint(0, Vocab, new long[] { Seq, Batch });
        var y = TS.randint(0, Vocab, new long[] { Seq, Batch });
        return () =>
        {
            using var scope = TS.NewDisposeScope();
            rms.zero_grad();
            var h = Enumerable.Range(0, Layers).Select(_ => TS.zeros(Batch, Rnn, TS.ScalarType.Float64)).ToArray();
            var c = Enumerable.Range(0, Layers).Select(_ => TS.zeros(Batch, Rnn, TS.ScalarType.Float64)).ToArray();
            var loss = TS.zeros(1, TS.ScalarType.Float64);
            for (int t = 0; t < Seq; t++)
            {
                var input = TS.nn.functional.one_hot(x[t], Vocab).to(TS.ScalarType.Float64);
                for (int l = 0; l < Layers; l++)
                {
                    var gates = layers[l].I2h.call(input) + layers[l].H2h.call(h[l]);
                    var g = gates.view(Batch, 4, Rnn);
                    var (i, f, o, u) = (g[.., 0].sigmoid(), g[.., 1].sigmoid(), g[.., 2].sigmoid(), g[.., 3].tanh());
                    c[l] = f * c[l] + i * u;
                    h[l] = o * c[l].tanh();
                    input = h[l];
                }
                loss = loss + TS.nn.functional.nll_loss(decoder.call(input).log_softmax(1), y[t]);
            }
            (loss / Seq).backward();
            foreach (var p in ps) p.grad!.clamp_(-5, 5);
            rms.step();
        };
    }
}
