using Torch.Native;

namespace Torch.Nn.Internal;

/// <summary>In-place gradient formulas of the explicit transfer modules, from their output y and gradOutput g.</summary>
internal static class Pointwise
{
    internal enum Kind { Tanh, Sigmoid }

    /// <summary>y = tanh(x) or sigmoid(x) into the module's output buffer: in place in the reused buffer for tensors under
    /// <see cref="NativeMemory.Large"/> bytes (no allocation: char-rnn's 50x128 doubles made 25 MB of garbage a batch, and the
    /// collections it forced), into a fresh result the buffer adopts for larger ones (one pass over memory instead of a copy and
    /// a pass, measurably faster there: benchmarks' "gemm" lines).</summary>
    internal static Tensor Forward(ref LuaValue output, Tensor x, Kind kind)
    {
        var o = Buffers.Fit(ref output, x.ScalarType);
        if (x.NElement() * x.ElementSize() >= NativeMemory.Large)
        {
            o.Reset(kind == Kind.Tanh ? x.Handle.tanh() : x.Handle.sigmoid()).Owns();
            return o;
        }
        o.ResizeAs(x);
        o.Handle.copy_(x.Handle);
        if (kind == Kind.Tanh) o.Handle.tanh_(); else o.Handle.sigmoid_();
        return o;
    }

    /// <summary>The module's backward from its output y: its reused gradInput buffer gets the derivative times gradOutput.</summary>
    internal static LuaValue Backward(Module m, LuaValue gradOutput, Kind kind)
    {
        var y = (Tensor)m.Output;
        var go = m.InputTensor(gradOutput, "gradOutput");
        var gi = Buffers.Fit(ref m.GradInput, y.ScalarType);
        gi.ResizeAs(y);
        Derivative(gi, y, go, kind);
        return m.GradInput;
    }

    /// <summary>gi = g (1 - y²) (Tanh) or g (1 - y) y (Sigmoid), computed in the gi buffer: in one managed pass, rounded as THNN,
    /// for dense CPU tensors; by libtorch's calls otherwise.</summary>
    static void Derivative(Tensor gi, Tensor y, Tensor g, Kind kind)
    {
        if (g.NElement() != y.NElement())
            throw new ArgumentException($"nn.{kind}: gradOutput of size {g.SizeString()} does not match the output of size {y.SizeString()}");
        if (Loops.Dense(y, g, gi))
        {
            Loops.TransferGradient(y, g, gi, kind == Kind.Tanh);
            return;
        }
        var go = g.IsSameSizeAs(y) ? g.Handle : g.Handle.view_as(y.Handle);
        using var one = ScalarLease.Of(1, y.ScalarType);
        var r = gi.Handle;
        r.copy_(y.Handle);
        if (kind == Kind.Tanh) r.mul_(y.Handle); // y²
        r.neg_();
        r.add_(one.Value); // 1 - y² or 1 - y
        r.mul_(go);
        if (kind == Kind.Sigmoid) r.mul_(y.Handle); // g (1 - y) y, left to right as THNN
        if (!ReferenceEquals(go, g.Handle)) go.Dispose();
    }
}
