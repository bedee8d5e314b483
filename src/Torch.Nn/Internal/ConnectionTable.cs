using TS = TorchSharp.torch;

namespace Torch.Nn.Internal;

/// <summary>A connection table (K x 2 of 1-based {input, output} planes) turned into the dense kernels of a libtorch convolution.</summary>
internal sealed class ConnectionTable
{
    internal readonly long NInputPlane, NOutputPlane;
    readonly long[] inputs, outputs;

    internal ConnectionTable(Tensor table, Module m)
    {
        if (table.Dim() != 2 || table.Size(2) != 2 || table.Size(1) < 1)
            throw new ArgumentException($"{m.TypeName}: expected a K x 2 connection table, got {table.SizeString()}");
        var v = table.ToArray();
        inputs = Enumerable.Range(0, v.Length / 2).Select(k => (long)v[2 * k] - 1).ToArray();
        outputs = Enumerable.Range(0, v.Length / 2).Select(k => (long)v[2 * k + 1] - 1).ToArray();
        if (inputs.Concat(outputs).Any(i => i < 0))
            throw new ArgumentException($"{m.TypeName}: connection table entries are 1-based plane numbers");
        NInputPlane = inputs.Max() + 1;
        NOutputPlane = outputs.Max() + 1;
    }

    /// <summary>Number of connections to each output plane (the fan-in of Lua's reset).</summary>
    internal long[] FanIn()
    {
        var n = new long[NOutputPlane];
        foreach (var o in outputs) n[o]++;
        return n;
    }

    /// <summary>Output plane (0-based) of connection k.</summary>
    internal long Output(int k) => outputs[k];

    /// <summary>The K x kH x kW kernels placed in a dense nOut x nIn x kH x kW weight (or nIn x nOut for transposed convolutions).</summary>
    internal TS.Tensor Dense(TS.Tensor weight, bool transposed)
    {
        long kh = weight.size(1), kw = weight.size(2);
        var dense = transposed ? TS.zeros(NInputPlane, NOutputPlane, kh, kw, weight.dtype) : TS.zeros(NOutputPlane, NInputPlane, kh, kw, weight.dtype);
        using var first = TS.tensor(transposed ? inputs : outputs);
        using var second = TS.tensor(transposed ? outputs : inputs);
        return dense.index_put_(weight, first, second); // recorded by autograd when the kernels require grad
    }

    /// <summary>Lua's reset: kernel k ~ U(±1/sqrt(kW kH fanIn(output of k))), bias o ~ U(±1/sqrt(kW kH fanIn(o))).</summary>
    internal void Reset(Tensor weight, Tensor bias, int kW, int kH, double? stdv)
    {
        var fanIn = FanIn();
        for (int k = 0; k < outputs.Length; k++)
        {
            double s = Init.Stdv(stdv, kW * kH * fanIn[outputs[k]]);
            using var w = weight.Select(1, k + 1);
            w.Uniform(-s, s);
        }
        for (int o = 0; o < NOutputPlane; o++)
        {
            double s = Init.Stdv(stdv, kW * kH * Math.Max(fanIn[o], 1));
            using var b = bias.Narrow(1, o + 1, 1);
            b.Uniform(-s, s);
        }
    }
}
