using System.Numerics;
using static Torch.Optim.OptimOps;

namespace Torch.Optim;

/// <summary>Configuration and state of <see cref="optim.Rmsprop"/> (Lua's <c>optim.rmsprop</c> table).
/// Example: <c>var cfg = new RmspropConfig { LearningRate = 5e-4 };</c></summary>
public sealed class RmspropConfig
{
    /// <summary>Learning rate (default 1e-2). Example: <c>cfg.LearningRate = 5e-4;</c></summary>
    public double LearningRate { get; set; } = 1e-2;
    /// <summary>Smoothing constant (default 0.99). Example: <c>cfg.Alpha = 0.95;</c></summary>
    public double Alpha { get; set; } = 0.99;
    /// <summary>Added to the root mean square (default 1e-8). Example: <c>cfg.Epsilon = 1e-6;</c></summary>
    public double Epsilon { get; set; } = 1e-8;
    /// <summary>Weight decay (default 0). Example: <c>cfg.WeightDecay = 5e-4;</c></summary>
    public double WeightDecay { get; set; }
    /// <summary>Initial value of the mean square (default 0). Example: <c>cfg.InitialMean = 1;</c></summary>
    public double InitialMean { get; set; }

    /// <summary>State: leaky mean of squared gradients (Lua's <c>m</c>). Example: <c>cfg.M</c></summary>
    public Tensor? M { get; set; }
    /// <summary>State: <c>sqrt(m) + epsilon</c> (Lua's <c>tmp</c>). Example: <c>cfg.Tmp</c></summary>
    public Tensor? Tmp { get; set; }
}

public static partial class optim
{
    /// <summary>RMSprop (Lua's <c>optim.rmsprop</c>): <c>m = alpha m + (1 - alpha) g²</c>, <c>x -= lr g / (sqrt(m) + eps)</c>.</summary>
    /// <param name="feval">Returns f(x) and df/dx.</param>
    /// <param name="x">The parameters, updated in place.</param>
    /// <param name="config">Hyper-parameters (and the state, unless <paramref name="state"/> is given).</param>
    /// <param name="state">Optional separate state object.</param>
    /// <returns>x and {f(x) before the step}.</returns>
    /// <example>Example: <c>var (_, fx) = optim.Rmsprop(Feval, x, new RmspropConfig { LearningRate = 5e-4 });</c></example>
    public static (Tensor X, double[] Fx) Rmsprop(Func<Tensor, (double, Tensor)> feval, Tensor x, RmspropConfig? config = null, RmspropConfig? state = null)
    {
        const string fn = "optim.Rmsprop";
        config ??= new RmspropConfig();
        state ??= config;
        CheckX(fn, x);
        CheckState(fn, x, ("M", state.M), ("Tmp", state.Tmp));
        double lr = config.LearningRate, alpha = config.Alpha;
        NonNegative(fn, "LearningRate", lr);
        InRange(fn, "Alpha", alpha, 0, 1);

        var (fx, dfdx) = Eval(fn, feval, x);
        WeightDecay(dfdx, config.WeightDecay, x);

        if (state.M is null || state.Tmp is null)
        {
            state.M = x.New(dfdx.Size()).Fill(config.InitialMean);
            state.Tmp = x.New(dfdx.Size());
        }
        if (Dense(x, dfdx, state.M, state.Tmp))
        {
            if (x.ScalarType == TorchSharp.torch.ScalarType.Float64) Step<double>(x, dfdx, state.M, state.Tmp, alpha, config.Epsilon, lr);
            else Step<float>(x, dfdx, state.M, state.Tmp, alpha, config.Epsilon, lr);
            return (x, new[] { fx });
        }
        state.M.Mul(alpha);
        state.M.Addcmul(1 - alpha, dfdx, dfdx);
        state.Tmp.Copy(state.M).Sqrt().Add(config.Epsilon);
        x.Addcdiv(-lr, dfdx, state.Tmp);
        return (x, new[] { fx });
    }

    /// <summary>Whether the four vectors are dense CPU float/double of one type and size, outside autograd, none sharing another's
    /// storage: then <see cref="Step{T}"/> runs.</summary>
    static bool Dense(Tensor x, Tensor g, Tensor m, Tensor tmp) =>
        x.SmallLike(g, anySize: true) && x.SmallLike(m, anySize: true) && x.SmallLike(tmp, anySize: true)
        && !x.SharesStorageWith(g) && !x.SharesStorageWith(m) && !x.SharesStorageWith(tmp)
        && !g.SharesStorageWith(m) && !g.SharesStorageWith(tmp) && !m.SharesStorageWith(tmp);

    /// <summary>Lua's four lines (m:mul(alpha); m:addcmul(1 - alpha, g, g); tmp:sqrt(m):add(eps); x:addcdiv(-lr, g, tmp)) in one pass
    /// over the vectors instead of six: each element goes through the same operations in the same order, with the constants in
    /// the tensors' type, as TH computes them, so the bits are the same.</summary>
    static unsafe void Step<T>(Tensor x, Tensor g, Tensor m, Tensor tmp, double alpha, double epsilon, double lr)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        T a = T.CreateTruncating(alpha), b = T.CreateTruncating(1 - alpha), e = T.CreateTruncating(epsilon), v = T.CreateTruncating(-lr);
        T* px = (T*)x.Data, pg = (T*)g.Data, pm = (T*)m.Data, pt = (T*)tmp.Data;
        long n = x.NElement(), i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            Vector<T> va = new(a), vb = new(b), ve = new(e), vv = new(v);
            for (int w = Vector<T>.Count; i <= n - w; i += w)
            {
                var gi = Vector.Load(pg + i);
                var mi = Vector.Load(pm + i) * va + vb * gi * gi;
                var ti = Vector.SquareRoot(mi) + ve;
                Vector.Store(mi, pm + i);
                Vector.Store(ti, pt + i);
                Vector.Store(Vector.Load(px + i) + vv * gi / ti, px + i);
            }
        }
        for (; i < n; i++)
        {
            T gi = pg[i], mi = pm[i] * a + b * gi * gi, ti = T.Sqrt(mi) + e;
            pm[i] = mi;
            pt[i] = ti;
            px[i] = px[i] + v * gi / ti;
        }
    }
}
