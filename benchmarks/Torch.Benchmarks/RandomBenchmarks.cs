using TS = TorchSharp.torch;

namespace Torch.Benchmarks;

/// <summary>Torch7's random stream (managed MT19937 writing straight into tensor memory) against libtorch's generator, per
/// element of a 10^7-element fill, so that a training step's random work (reset, data, Dropout masks) stays a small cost.</summary>
static class RandomBenchmarks
{
    public static bool Run()
    {
        const int N = 10_000_000;
        bool ok = true;
        var x = torch.DoubleTensor(N);
        var a = TS.empty(N, TS.ScalarType.Float64);
        var uniform = Bench.NsPerOp(n => { for (int i = 0; i < n; i++) x.Uniform(-1, 1); }, n => { for (int i = 0; i < n; i++) a.uniform_(-1, 1); }, 1, rounds: 5);
        ok &= Bench.Compare("Uniform, 1e7 doubles (Torch7 stream / libtorch)", uniform, 4.0, "ns/elt", 1.0 / N);
        var normal = Bench.NsPerOp(n => { for (int i = 0; i < n; i++) x.Normal(); }, n => { for (int i = 0; i < n; i++) a.normal_(); }, 1, rounds: 5);
        ok &= Bench.Compare("Normal, 1e7 doubles (Torch7 stream / libtorch)", normal, 4.0, "ns/elt", 1.0 / N);
        var f = torch.FloatTensor(N);
        var af = TS.empty(N, TS.ScalarType.Float32);
        var bernoulli = Bench.NsPerOp(n => { for (int i = 0; i < n; i++) f.Bernoulli(0.7); }, n => { for (int i = 0; i < n; i++) af.bernoulli_(0.7); }, 1, rounds: 5);
        ok &= Bench.Compare("Bernoulli, 1e7 floats (Torch7 stream / libtorch)", bernoulli, 4.0, "ns/elt", 1.0 / N);
        return ok;
    }
}
