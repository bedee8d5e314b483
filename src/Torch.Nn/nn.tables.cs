namespace Torch.Nn;

/// <summary>
/// Lua's <c>nn</c> package: one factory per class, with Lua's arguments and defaults, so <c>nn.Linear(10, 20)</c> reads as in Lua
/// and returns the concrete class (<c>Linear</c>). Each factory is written at the end of its class's file.
/// </summary>
/// <remarks>Example: <c>var net = nn.Sequential(); net.Add(nn.Linear(10, 5)); net.Add(nn.Tanh());</c></remarks>
public static partial class nn
{
    /// <summary>Lua's <c>nn.tables</c>: connection tables (K x 2 tensors of 1-based {input plane, output plane} pairs) for
    /// <see cref="Torch.Nn.SpatialConvolutionMap"/> and <see cref="Torch.Nn.SpatialFullConvolutionMap"/>.</summary>
    /// <remarks>Example: <c>var conn = nn.tables.Full(3, 16);</c></remarks>
    public static class tables
    {
        /// <summary>Every input plane to every output plane, grouped by output (Lua's <c>nn.tables.full</c>). Example: <c>nn.tables.Full(3, 8)</c>.</summary>
        public static Tensor Full(int nin, int nout)
        {
            var t = torch.Tensor(nin * nout, 2);
            int p = 1;
            for (int j = 1; j <= nout; j++)
                for (int i = 1; i <= nin; i++, p++) (t[p, 1], t[p, 2]) = ((double)i, (double)j);
            return t;
        }

        /// <summary>Input plane i to output plane i (Lua's <c>nn.tables.oneToOne</c>). Example: <c>nn.tables.OneToOne(4)</c>.</summary>
        public static Tensor OneToOne(int nfeat)
        {
            var t = torch.Tensor(nfeat, 2);
            for (int i = 1; i <= nfeat; i++) (t[i, 1], t[i, 2]) = ((double)i, (double)i);
            return t;
        }

        /// <summary>Each output plane connected to <paramref name="nto"/> distinct random input planes, drawn from successive random
        /// permutations as Lua's <c>nn.tables.random</c> does (the same numbers for the same seed). Example: <c>nn.tables.Random(8, 16, 3)</c>.</summary>
        public static Tensor Random(int nin, int nout, int nto)
        {
            if (nto < 1 || nto > nin) throw new ArgumentOutOfRangeException(nameof(nto), $"nn.tables.random: nto must be in 1..{nin}, got {nto}");
            var t = torch.Tensor(nto * nout, 2);
            int chunks = nin / nto, chunk = 0;
            var perm = Permutation(nin);
            for (int o = 0; o < nout; o++)
            {
                for (int k = 0; k < nto; k++) (t[o * nto + k + 1, 1], t[o * nto + k + 1, 2]) = ((double)perm[chunk * nto + k], (double)(o + 1));
                if (++chunk == chunks) { perm = Permutation(nin); chunk = 0; }
            }
            return t;
        }

        static long[] Permutation(int n)
        {
            using var p = torch.Randperm(n);
            return p.ToArray().Select(v => (long)v).ToArray();
        }
    }
}
