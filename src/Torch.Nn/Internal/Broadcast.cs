using TT = TorchSharp.torch.Tensor;

namespace Torch.Nn.Internal;

/// <summary>Torch7's CMul/CAdd broadcasting: a parameter of the sample's size (or one that expands to it) against a sample or a batch.</summary>
internal static class Broadcast
{
    internal static TT Apply(Module m, Tensor x, Tensor p, Func<TT, TT, TT> op)
    {
        long n = p.NElement();
        if (x.NElement() == n)
        {
            using var pv = p.Raw.view_as(x.Raw);
            return op(x.Raw, pv);
        }
        if (x.Dim() == p.Dim() && x.Size().Zip(p.Size()).All(s => s.Second == 1 || s.First == s.Second))
            return op(x.Raw, p.Raw); // Lua's CMul/CAdd: a parameter of the input's rank expands along its singleton dimensions
        if (x.Dim() == p.Dim() + 1 && x.Size().Skip(1).Zip(p.Size()).All(s => s.Second == 1 || s.First == s.Second))
        {
            using var pu = p.Raw.unsqueeze(0);
            return op(x.Raw, pu);
        }
        if (x.NElement() % n == 0)
        {
            using var rows = x.Raw.reshape(-1, n);
            using var pf = p.Raw.reshape(1, n);
            using var r = op(rows, pf);
            return r.reshape(x.Raw.shape);
        }
        throw new ArgumentException($"{m}: input of size {x.SizeString()} does not match a parameter of size {p.SizeString()}");
    }
}
