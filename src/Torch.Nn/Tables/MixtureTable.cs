using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.MixtureTable([dim=1])</c>: for {gater, experts}, Σ_i gater_i expert_i, where experts is a table of tensors (or one
/// tensor whose dimension <see cref="Dim"/> indexes the experts, after the batch dimension). Gradient by autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.MixtureTable().Forward(new Table(gater, new Table(e1, e2)));</c></remarks>
public class MixtureTable : Module
{
    /// <summary>The experts' dimension for a tensor of experts (Lua's <c>dim</c>). Example: <c>m.Dim</c>.</summary>
    public int? Dim;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("dim", ref Dim);
    }

    /// <summary>A mixture-of-experts layer. Example: <c>new MixtureTable()</c>.</summary>
    public MixtureTable(int? dim = null)
    {
        Dim = dim;
        LuaTables(output: false, gradInput: true);
        LuaOnly(("size", torch.LongStorage(0)), ("size2", torch.LongStorage(0)), ("batchSize", 0.0), ("backwardSetup", false)); // Lua's
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var t = Internal.TableArgs.Of(input, this);
        var gater = t[1].Object as Tensor ?? throw new ArgumentException($"{this}: expected the gater tensor as element 1, got {t[1].Describe()}");
        bool batch = gater.Dim() == 2;
        TS.Tensor experts;
        if (t[2].Object is Table list)
            experts = TS.stack(Internal.TableArgs.Tensors(list, this, "experts").Select(e => e.Raw).ToArray(), batch ? 1 : 0);
        else if (t[2].Object is Tensor e) experts = e.Raw.alias();
        else throw new ArgumentException($"{this}: expected a table or tensor of experts as element 2, got {t[2].Describe()}");
        using (experts)
        {
            long edim = Dim is int d ? d - 1 + (batch && d == 1 ? 1 : 0) : (batch ? 1 : 0);
            var shape = Enumerable.Repeat(1L, (int)experts.dim()).ToArray();
            if (batch) shape[0] = gater.Size(1);
            shape[edim] = gater.Size(gater.Dim());
            using var g = gater.Raw.reshape(shape);
            using var prod = experts * g;
            return Emit(prod.sum(new[] { edim }));
        }
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.MixtureTable"/> (Lua's <c>nn.MixtureTable</c>). Example: <c>var m = nn.MixtureTable();</c></summary>
    public static MixtureTable MixtureTable(int? dim = null) => new(dim);
}
