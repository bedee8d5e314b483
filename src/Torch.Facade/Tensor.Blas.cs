using Torch.Native;
using TS = TorchSharp.torch;
using TT = TorchSharp.torch.Tensor;

namespace Torch;

// Torch7's BLAS group (TensorMath group H): dot, mv, mm, bmm, ger and the add-forms
// addmv/addmm/addr/addbmm/baddbmm with Torch7's argument orders: [v1,] M, [v2,] a, b => v1*M + v2*(a.b).
public sealed partial class Tensor
{
    /// <summary>The products of the BLAS group.</summary>
    internal enum Product { Mv, Mm, Ger, Bmm, Addbmm }

    /// <summary>The product a·b after checking the shapes Torch7 requires; b is converted to a's type.</summary>
    internal static TT ProdRaw(Product p, string fn, Tensor a, Tensor b)
    {
        var o = Operand(p, fn, a, b);
        try
        {
            switch (p)
            {
                case Product.Mv: return ViaBlas(p, 0, null, a.Raw, o, 1) ?? a.Raw.mv(o);
                case Product.Mm: return ViaBlas(p, 0, null, a.Raw, o, 1) ?? a.Raw.mm(o);
                case Product.Ger: return a.Raw.outer(o);
                case Product.Bmm: return a.Raw.bmm(o);
                default:
                    using (var batched = a.Raw.bmm(o)) return batched.sum(0, false, a.ScalarType);
            }
        }
        finally { Drop(o, b); }
    }

    /// <summary>b in a's type after checking the shapes Torch7 requires of the product a·b.</summary>
    static TT Operand(Product p, string fn, Tensor a, Tensor b)
    {
        var (da, db) = p switch
        {
            Product.Mv => (2, 1),
            Product.Mm => (2, 2),
            Product.Ger => (1, 1),
            _ => (3, 3),
        };
        a.NeedDim(da, fn, "the first operand");
        b.NeedDim(db, fn, "the second operand");
        bool ok = p switch
        {
            Product.Mv => a.Sizes[1] == b.Sizes[0],
            Product.Mm => a.Sizes[1] == b.Sizes[0],
            Product.Ger => true,
            _ => a.Sizes[0] == b.Sizes[0] && a.Sizes[2] == b.Sizes[1],
        };
        if (!ok) throw new ArgumentException($"{fn}: size mismatch, {a.SizeString()} and {b.SizeString()} cannot be multiplied");
        return b.ScalarType == a.ScalarType ? b.Raw : b.Raw.to_type(a.ScalarType);
    }

    /// <summary>beta·m + alpha·(a·b) for a matrix-matrix or matrix-vector product, computed as Torch7 computes it (one BLAS call
    /// with beta and alpha, on a copy of m) where Torch7's BLAS is present and takes the operands; null otherwise.</summary>
    static TT? ViaBlas(Product p, double beta, TT? m, TT a, TT b, double alpha)
    {
        if (!Blas.Serves(a)) return null;
        var r = p == Product.Mm ? TS.empty(a.size(0), b.size(1), a.dtype) : TS.empty(a.size(0), a.dtype);
        if (beta != 0) r.copy_(m!);
        if (p == Product.Mm ? Blas.TryGemm(r, a, b, beta, alpha) : Blas.TryGemv(r, a, b, beta, alpha)) return r;
        r.Dispose();
        return null;
    }

    /// <summary>v1·m + v2·(a·b); m must have exactly the product's sizes (when v1 is 0, m's values are ignored, as BLAS does).</summary>
    internal static TT AddProdRaw(Product p, string fn, double v1, Tensor m, double v2, Tensor a, Tensor b)
    {
        if (p is Product.Mm or Product.Mv && Blas.Serves(a.Raw))
        {
            var o = Operand(p, fn, a, b);
            try
            {
                long[] want = p == Product.Mm ? new[] { a.Sizes[0], b.Sizes[1] } : new[] { a.Sizes[0] };
                if (!m.IsSize(want))
                    throw new ArgumentException($"{fn}: size mismatch, the added tensor is {m.SizeString()} but the product is {string.Join("x", want)}");
                using var mm = m.ScalarType == a.ScalarType ? m.Raw.alias() : m.Raw.to_type(a.ScalarType);
                if (ViaBlas(p, v1, mm, a.Raw, o, v2) is { } r) return r;
            }
            finally { Drop(o, b); }
        }
        using var prod = ProdRaw(p, fn, a, b);
        if (!m.IsSize(prod.shape))
            throw new ArgumentException($"{fn}: size mismatch, the added tensor is {m.SizeString()} but the product is {string.Join("x", prod.shape)}");
        using var s2 = ScalarLease.Of(v2, prod.dtype);
        var r2 = prod.mul(s2.Value);
        if (v1 == 0) return r2;
        using var s1 = ScalarLease.Of(v1, prod.dtype);
        using var mm2 = m.ScalarType == prod.dtype ? m.Raw.alias() : m.Raw.to_type(prod.dtype);
        return r2.add_(mm2, s1.Value);
    }

    /// <summary>The dot product of two tensors with the same number of elements, seen as vectors (Lua's <c>x:dot(y)</c>).
    /// Example: <c>double d = x.Dot(y);</c></summary>
    public double Dot(Tensor other)
    {
        var o = Operand(other, "Dot");
        try
        {
            using var a = Raw.reshape(-1);
            using var b = o.reshape(-1);
            if (TensorType.IsFloating(ScalarType) && a.numel() >= InOrderBelow) return Number(a.dot(b));
            using var products = a.mul(b);
            if (TensorType.IsFloating(ScalarType)) return InOrder(products, ScalarType); // BLAS's dot adds short vectors in order
            return Number(products.sum(TS.ScalarType.Int64));
        }
        finally { Drop(o, other); }
    }

    /// <summary>Stores the matrix-vector product mat * vec into this tensor (resized). Example: <c>y.Mv(m, v)</c>.</summary>
    public Tensor Mv(Tensor mat, Tensor vec) => Into(ProdRaw(Product.Mv, "Mv", mat, vec));
    /// <summary>Stores the matrix-matrix product m1 * m2 into this tensor (resized). Example: <c>c.Mm(a, b)</c>.</summary>
    public Tensor Mm(Tensor m1, Tensor m2) => Into(ProdRaw(Product.Mm, "Mm", m1, m2));
    /// <summary>Stores the outer product v1 ⊗ v2 into this tensor (resized). Example: <c>m.Ger(u, v)</c>.</summary>
    public Tensor Ger(Tensor vec1, Tensor vec2) => Into(ProdRaw(Product.Ger, "Ger", vec1, vec2));
    /// <summary>Stores the batched matrix product b1[i] * b2[i] for every i into this tensor (resized). Example: <c>c.Bmm(a, b)</c>.</summary>
    public Tensor Bmm(Tensor batch1, Tensor batch2) => Into(ProdRaw(Product.Bmm, "Bmm", batch1, batch2));
    /// <summary>Addmv: this = this + a·b (vec1 + mat * vec2 (M a vector), this as M), in place. Example: <c>x.Addmv(a, b)</c>.</summary>
    public Tensor Addmv(Tensor a, Tensor b) => Into(AddProdRaw(Product.Mv, "Addmv", 1, this, 1, a, b));
    /// <summary>Addmv: this = this + v2·a·b, in place (Lua's <c>r:addmv(s, a, b)</c>). Example: <c>x.Addmv(0.5, a, b)</c>.</summary>
    public Tensor Addmv(double v2, Tensor a, Tensor b) => Into(AddProdRaw(Product.Mv, "Addmv", 1, this, v2, a, b));
    /// <summary>Addmv: this = v1·this + v2·a·b, in place (Lua's <c>M:addmv(v1, v2, a, b)</c>). Example: <c>x.Addmv(0, 1, a, b)</c>.</summary>
    public Tensor Addmv(double v1, double v2, Tensor a, Tensor b) => Into(AddProdRaw(Product.Mv, "Addmv", v1, this, v2, a, b));
    /// <summary>Addmv: stores m + a·b into this tensor. Example: <c>r.Addmv(m, a, b)</c>.</summary>
    public Tensor Addmv(Tensor m, Tensor a, Tensor b) => Into(AddProdRaw(Product.Mv, "Addmv", 1, m, 1, a, b));
    /// <summary>Addmv: stores m + v2·a·b into this tensor. Example: <c>r.Addmv(m, 2, a, b)</c>.</summary>
    public Tensor Addmv(Tensor m, double v2, Tensor a, Tensor b) => Into(AddProdRaw(Product.Mv, "Addmv", 1, m, v2, a, b));
    /// <summary>Addmv: stores v1·m + v2·a·b into this tensor (Torch7's argument order). Example: <c>r.Addmv(0.5, m, 2, a, b)</c>.</summary>
    public Tensor Addmv(double v1, Tensor m, double v2, Tensor a, Tensor b) => Into(AddProdRaw(Product.Mv, "Addmv", v1, m, v2, a, b));
    /// <summary>Addmm: this = this + a·b (M + m1 * m2, this as M), in place. Example: <c>x.Addmm(a, b)</c>.</summary>
    public Tensor Addmm(Tensor a, Tensor b) => Into(AddProdRaw(Product.Mm, "Addmm", 1, this, 1, a, b));
    /// <summary>Addmm: this = this + v2·a·b, in place (Lua's <c>r:addmm(s, a, b)</c>). Example: <c>x.Addmm(0.5, a, b)</c>.</summary>
    public Tensor Addmm(double v2, Tensor a, Tensor b) => Into(AddProdRaw(Product.Mm, "Addmm", 1, this, v2, a, b));
    /// <summary>Addmm: this = v1·this + v2·a·b, in place (Lua's <c>M:addmm(v1, v2, a, b)</c>). Example: <c>x.Addmm(0, 1, a, b)</c>.</summary>
    public Tensor Addmm(double v1, double v2, Tensor a, Tensor b) => Into(AddProdRaw(Product.Mm, "Addmm", v1, this, v2, a, b));
    /// <summary>Addmm: stores m + a·b into this tensor. Example: <c>r.Addmm(m, a, b)</c>.</summary>
    public Tensor Addmm(Tensor m, Tensor a, Tensor b) => Into(AddProdRaw(Product.Mm, "Addmm", 1, m, 1, a, b));
    /// <summary>Addmm: stores m + v2·a·b into this tensor. Example: <c>r.Addmm(m, 2, a, b)</c>.</summary>
    public Tensor Addmm(Tensor m, double v2, Tensor a, Tensor b) => Into(AddProdRaw(Product.Mm, "Addmm", 1, m, v2, a, b));
    /// <summary>Addmm: stores v1·m + v2·a·b into this tensor (Torch7's argument order). Example: <c>r.Addmm(0.5, m, 2, a, b)</c>.</summary>
    public Tensor Addmm(double v1, Tensor m, double v2, Tensor a, Tensor b) => Into(AddProdRaw(Product.Mm, "Addmm", v1, m, v2, a, b));
    /// <summary>Addr: this = this + a·b (M + vec1 ⊗ vec2, this as M), in place. Example: <c>x.Addr(a, b)</c>.</summary>
    public Tensor Addr(Tensor a, Tensor b) => Into(AddProdRaw(Product.Ger, "Addr", 1, this, 1, a, b));
    /// <summary>Addr: this = this + v2·a·b, in place (Lua's <c>r:addr(s, a, b)</c>). Example: <c>x.Addr(0.5, a, b)</c>.</summary>
    public Tensor Addr(double v2, Tensor a, Tensor b) => Into(AddProdRaw(Product.Ger, "Addr", 1, this, v2, a, b));
    /// <summary>Addr: this = v1·this + v2·a·b, in place (Lua's <c>M:addr(v1, v2, a, b)</c>). Example: <c>x.Addr(0, 1, a, b)</c>.</summary>
    public Tensor Addr(double v1, double v2, Tensor a, Tensor b) => Into(AddProdRaw(Product.Ger, "Addr", v1, this, v2, a, b));
    /// <summary>Addr: stores m + a·b into this tensor. Example: <c>r.Addr(m, a, b)</c>.</summary>
    public Tensor Addr(Tensor m, Tensor a, Tensor b) => Into(AddProdRaw(Product.Ger, "Addr", 1, m, 1, a, b));
    /// <summary>Addr: stores m + v2·a·b into this tensor. Example: <c>r.Addr(m, 2, a, b)</c>.</summary>
    public Tensor Addr(Tensor m, double v2, Tensor a, Tensor b) => Into(AddProdRaw(Product.Ger, "Addr", 1, m, v2, a, b));
    /// <summary>Addr: stores v1·m + v2·a·b into this tensor (Torch7's argument order). Example: <c>r.Addr(0.5, m, 2, a, b)</c>.</summary>
    public Tensor Addr(double v1, Tensor m, double v2, Tensor a, Tensor b) => Into(AddProdRaw(Product.Ger, "Addr", v1, m, v2, a, b));
    /// <summary>Addbmm: this = this + a·b (M + sum over i of b1[i] * b2[i], this as M), in place. Example: <c>x.Addbmm(a, b)</c>.</summary>
    public Tensor Addbmm(Tensor a, Tensor b) => Into(AddProdRaw(Product.Addbmm, "Addbmm", 1, this, 1, a, b));
    /// <summary>Addbmm: this = this + v2·a·b, in place (Lua's <c>r:addbmm(s, a, b)</c>). Example: <c>x.Addbmm(0.5, a, b)</c>.</summary>
    public Tensor Addbmm(double v2, Tensor a, Tensor b) => Into(AddProdRaw(Product.Addbmm, "Addbmm", 1, this, v2, a, b));
    /// <summary>Addbmm: this = v1·this + v2·a·b, in place (Lua's <c>M:addbmm(v1, v2, a, b)</c>). Example: <c>x.Addbmm(0, 1, a, b)</c>.</summary>
    public Tensor Addbmm(double v1, double v2, Tensor a, Tensor b) => Into(AddProdRaw(Product.Addbmm, "Addbmm", v1, this, v2, a, b));
    /// <summary>Addbmm: stores m + a·b into this tensor. Example: <c>r.Addbmm(m, a, b)</c>.</summary>
    public Tensor Addbmm(Tensor m, Tensor a, Tensor b) => Into(AddProdRaw(Product.Addbmm, "Addbmm", 1, m, 1, a, b));
    /// <summary>Addbmm: stores m + v2·a·b into this tensor. Example: <c>r.Addbmm(m, 2, a, b)</c>.</summary>
    public Tensor Addbmm(Tensor m, double v2, Tensor a, Tensor b) => Into(AddProdRaw(Product.Addbmm, "Addbmm", 1, m, v2, a, b));
    /// <summary>Addbmm: stores v1·m + v2·a·b into this tensor (Torch7's argument order). Example: <c>r.Addbmm(0.5, m, 2, a, b)</c>.</summary>
    public Tensor Addbmm(double v1, Tensor m, double v2, Tensor a, Tensor b) => Into(AddProdRaw(Product.Addbmm, "Addbmm", v1, m, v2, a, b));
    /// <summary>Baddbmm: this = this + a·b (M[i] + b1[i] * b2[i] for every i, this as M), in place. Example: <c>x.Baddbmm(a, b)</c>.</summary>
    public Tensor Baddbmm(Tensor a, Tensor b) => Into(AddProdRaw(Product.Bmm, "Baddbmm", 1, this, 1, a, b));
    /// <summary>Baddbmm: this = this + v2·a·b, in place (Lua's <c>r:baddbmm(s, a, b)</c>). Example: <c>x.Baddbmm(0.5, a, b)</c>.</summary>
    public Tensor Baddbmm(double v2, Tensor a, Tensor b) => Into(AddProdRaw(Product.Bmm, "Baddbmm", 1, this, v2, a, b));
    /// <summary>Baddbmm: this = v1·this + v2·a·b, in place (Lua's <c>M:baddbmm(v1, v2, a, b)</c>). Example: <c>x.Baddbmm(0, 1, a, b)</c>.</summary>
    public Tensor Baddbmm(double v1, double v2, Tensor a, Tensor b) => Into(AddProdRaw(Product.Bmm, "Baddbmm", v1, this, v2, a, b));
    /// <summary>Baddbmm: stores m + a·b into this tensor. Example: <c>r.Baddbmm(m, a, b)</c>.</summary>
    public Tensor Baddbmm(Tensor m, Tensor a, Tensor b) => Into(AddProdRaw(Product.Bmm, "Baddbmm", 1, m, 1, a, b));
    /// <summary>Baddbmm: stores m + v2·a·b into this tensor. Example: <c>r.Baddbmm(m, 2, a, b)</c>.</summary>
    public Tensor Baddbmm(Tensor m, double v2, Tensor a, Tensor b) => Into(AddProdRaw(Product.Bmm, "Baddbmm", 1, m, v2, a, b));
    /// <summary>Baddbmm: stores v1·m + v2·a·b into this tensor (Torch7's argument order). Example: <c>r.Baddbmm(0.5, m, 2, a, b)</c>.</summary>
    public Tensor Baddbmm(double v1, Tensor m, double v2, Tensor a, Tensor b) => Into(AddProdRaw(Product.Bmm, "Baddbmm", v1, m, v2, a, b));

    /// <summary>Matrix product as Torch7's <c>*</c>: 2-D * 1-D gives <c>Mv</c>, 2-D * 2-D gives <c>Mm</c>, a new tensor.
    /// 1-D * 1-D is a number in Lua; C# operators have one return type, so use <see cref="Dot"/> for it.
    /// Example: <c>var y = m * v;</c></summary>
    public static Tensor operator *(Tensor a, Tensor b)
    {
        if (a.Dim() == 2 && b.Dim() == 1) return torch.Mv(a, b);
        if (a.Dim() == 2 && b.Dim() == 2) return torch.Mm(a, b);
        if (a.Dim() == 1 && b.Dim() == 1)
            throw new InvalidOperationException("Tensor * Tensor: 1-D * 1-D is a dot product (a number in Lua); use a.Dot(b) or torch.Dot(a, b)");
        throw new ArgumentException($"Tensor * Tensor: expected 2-D * 1-D or 2-D * 2-D, got {a.Dim()}-D * {b.Dim()}-D");
    }
}

public static partial class torch
{
    /// <summary>The dot product of two tensors seen as vectors. Example: <c>double d = torch.Dot(x, y);</c></summary>
    public static double Dot(Tensor a, Tensor b) => a.Dot(b);

    /// <summary>The matrix-vector product mat * vec, a new tensor. Example: <c>torch.Mv(a, b)</c>.</summary>
    public static Tensor Mv(Tensor mat, Tensor vec) => mat.Result(Torch.Tensor.ProdRaw(Torch.Tensor.Product.Mv, "Mv", mat, vec));
    /// <summary>The matrix-matrix product m1 * m2, a new tensor. Example: <c>torch.Mm(a, b)</c>.</summary>
    public static Tensor Mm(Tensor m1, Tensor m2) => m1.Result(Torch.Tensor.ProdRaw(Torch.Tensor.Product.Mm, "Mm", m1, m2));
    /// <summary>The outer product v1 ⊗ v2, a new tensor. Example: <c>torch.Ger(a, b)</c>.</summary>
    public static Tensor Ger(Tensor vec1, Tensor vec2) => vec1.Result(Torch.Tensor.ProdRaw(Torch.Tensor.Product.Ger, "Ger", vec1, vec2));
    /// <summary>The batched matrix product b1[i] * b2[i] for every i, a new tensor. Example: <c>torch.Bmm(a, b)</c>.</summary>
    public static Tensor Bmm(Tensor batch1, Tensor batch2) => batch1.Result(Torch.Tensor.ProdRaw(Torch.Tensor.Product.Bmm, "Bmm", batch1, batch2));
    /// <summary>vec1 + mat * vec2 (M a vector), a new tensor. Example: <c>torch.Addmv(m, a, b)</c>.</summary>
    public static Tensor Addmv(Tensor m, Tensor a, Tensor b) => m.Result(Torch.Tensor.AddProdRaw(Torch.Tensor.Product.Mv, "Addmv", 1, m, 1, a, b));
    /// <summary>v1·m + a·b, a new tensor. Example: <c>torch.Addmv(0.5, m, a, b)</c>.</summary>
    public static Tensor Addmv(double v1, Tensor m, Tensor a, Tensor b) => m.Result(Torch.Tensor.AddProdRaw(Torch.Tensor.Product.Mv, "Addmv", v1, m, 1, a, b));
    /// <summary>m + v2·a·b, a new tensor. Example: <c>torch.Addmv(m, 2, a, b)</c>.</summary>
    public static Tensor Addmv(Tensor m, double v2, Tensor a, Tensor b) => m.Result(Torch.Tensor.AddProdRaw(Torch.Tensor.Product.Mv, "Addmv", 1, m, v2, a, b));
    /// <summary>v1·m + v2·a·b, a new tensor (Torch7's argument order). Example: <c>torch.Addmv(0.5, m, 2, a, b)</c>.</summary>
    public static Tensor Addmv(double v1, Tensor m, double v2, Tensor a, Tensor b) => m.Result(Torch.Tensor.AddProdRaw(Torch.Tensor.Product.Mv, "Addmv", v1, m, v2, a, b));
    /// <summary>M + m1 * m2, a new tensor. Example: <c>torch.Addmm(m, a, b)</c>.</summary>
    public static Tensor Addmm(Tensor m, Tensor a, Tensor b) => m.Result(Torch.Tensor.AddProdRaw(Torch.Tensor.Product.Mm, "Addmm", 1, m, 1, a, b));
    /// <summary>v1·m + a·b, a new tensor. Example: <c>torch.Addmm(0.5, m, a, b)</c>.</summary>
    public static Tensor Addmm(double v1, Tensor m, Tensor a, Tensor b) => m.Result(Torch.Tensor.AddProdRaw(Torch.Tensor.Product.Mm, "Addmm", v1, m, 1, a, b));
    /// <summary>m + v2·a·b, a new tensor. Example: <c>torch.Addmm(m, 2, a, b)</c>.</summary>
    public static Tensor Addmm(Tensor m, double v2, Tensor a, Tensor b) => m.Result(Torch.Tensor.AddProdRaw(Torch.Tensor.Product.Mm, "Addmm", 1, m, v2, a, b));
    /// <summary>v1·m + v2·a·b, a new tensor (Torch7's argument order). Example: <c>torch.Addmm(0.5, m, 2, a, b)</c>.</summary>
    public static Tensor Addmm(double v1, Tensor m, double v2, Tensor a, Tensor b) => m.Result(Torch.Tensor.AddProdRaw(Torch.Tensor.Product.Mm, "Addmm", v1, m, v2, a, b));
    /// <summary>M + vec1 ⊗ vec2, a new tensor. Example: <c>torch.Addr(m, a, b)</c>.</summary>
    public static Tensor Addr(Tensor m, Tensor a, Tensor b) => m.Result(Torch.Tensor.AddProdRaw(Torch.Tensor.Product.Ger, "Addr", 1, m, 1, a, b));
    /// <summary>v1·m + a·b, a new tensor. Example: <c>torch.Addr(0.5, m, a, b)</c>.</summary>
    public static Tensor Addr(double v1, Tensor m, Tensor a, Tensor b) => m.Result(Torch.Tensor.AddProdRaw(Torch.Tensor.Product.Ger, "Addr", v1, m, 1, a, b));
    /// <summary>m + v2·a·b, a new tensor. Example: <c>torch.Addr(m, 2, a, b)</c>.</summary>
    public static Tensor Addr(Tensor m, double v2, Tensor a, Tensor b) => m.Result(Torch.Tensor.AddProdRaw(Torch.Tensor.Product.Ger, "Addr", 1, m, v2, a, b));
    /// <summary>v1·m + v2·a·b, a new tensor (Torch7's argument order). Example: <c>torch.Addr(0.5, m, 2, a, b)</c>.</summary>
    public static Tensor Addr(double v1, Tensor m, double v2, Tensor a, Tensor b) => m.Result(Torch.Tensor.AddProdRaw(Torch.Tensor.Product.Ger, "Addr", v1, m, v2, a, b));
    /// <summary>M + sum over i of b1[i] * b2[i], a new tensor. Example: <c>torch.Addbmm(m, a, b)</c>.</summary>
    public static Tensor Addbmm(Tensor m, Tensor a, Tensor b) => m.Result(Torch.Tensor.AddProdRaw(Torch.Tensor.Product.Addbmm, "Addbmm", 1, m, 1, a, b));
    /// <summary>v1·m + a·b, a new tensor. Example: <c>torch.Addbmm(0.5, m, a, b)</c>.</summary>
    public static Tensor Addbmm(double v1, Tensor m, Tensor a, Tensor b) => m.Result(Torch.Tensor.AddProdRaw(Torch.Tensor.Product.Addbmm, "Addbmm", v1, m, 1, a, b));
    /// <summary>m + v2·a·b, a new tensor. Example: <c>torch.Addbmm(m, 2, a, b)</c>.</summary>
    public static Tensor Addbmm(Tensor m, double v2, Tensor a, Tensor b) => m.Result(Torch.Tensor.AddProdRaw(Torch.Tensor.Product.Addbmm, "Addbmm", 1, m, v2, a, b));
    /// <summary>v1·m + v2·a·b, a new tensor (Torch7's argument order). Example: <c>torch.Addbmm(0.5, m, 2, a, b)</c>.</summary>
    public static Tensor Addbmm(double v1, Tensor m, double v2, Tensor a, Tensor b) => m.Result(Torch.Tensor.AddProdRaw(Torch.Tensor.Product.Addbmm, "Addbmm", v1, m, v2, a, b));
    /// <summary>M[i] + b1[i] * b2[i] for every i, a new tensor. Example: <c>torch.Baddbmm(m, a, b)</c>.</summary>
    public static Tensor Baddbmm(Tensor m, Tensor a, Tensor b) => m.Result(Torch.Tensor.AddProdRaw(Torch.Tensor.Product.Bmm, "Baddbmm", 1, m, 1, a, b));
    /// <summary>v1·m + a·b, a new tensor. Example: <c>torch.Baddbmm(0.5, m, a, b)</c>.</summary>
    public static Tensor Baddbmm(double v1, Tensor m, Tensor a, Tensor b) => m.Result(Torch.Tensor.AddProdRaw(Torch.Tensor.Product.Bmm, "Baddbmm", v1, m, 1, a, b));
    /// <summary>m + v2·a·b, a new tensor. Example: <c>torch.Baddbmm(m, 2, a, b)</c>.</summary>
    public static Tensor Baddbmm(Tensor m, double v2, Tensor a, Tensor b) => m.Result(Torch.Tensor.AddProdRaw(Torch.Tensor.Product.Bmm, "Baddbmm", 1, m, v2, a, b));
    /// <summary>v1·m + v2·a·b, a new tensor (Torch7's argument order). Example: <c>torch.Baddbmm(0.5, m, 2, a, b)</c>.</summary>
    public static Tensor Baddbmm(double v1, Tensor m, double v2, Tensor a, Tensor b) => m.Result(Torch.Tensor.AddProdRaw(Torch.Tensor.Product.Bmm, "Baddbmm", v1, m, v2, a, b));
}
