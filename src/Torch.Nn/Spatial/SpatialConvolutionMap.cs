using Torch.Nn.Internal;
using TS = TorchSharp.torch;

namespace Torch.Nn;

/// <summary>Lua's <c>nn.SpatialConvolutionMap(connTable, kW, kH[, dW=1, dH=1])</c>: a convolution where kernel k links input plane
/// connTable[k][1] to output plane connTable[k][2] (see <see cref="nn.tables"/>); weight K x kH x kW, bias nOutputPlane. Gradients by autograd.</summary>
/// <remarks>Example: <c>Tensor y = nn.SpatialConvolutionMap(nn.tables.OneToOne(3), 3, 3).Forward(torch.Tensor(3, 8, 8).Uniform());</c></remarks>
public class SpatialConvolutionMap : Module
{
    /// <summary>The connection table (Lua's <c>connTable</c>). Example: <c>c.ConnTable</c>.</summary>
    public Tensor ConnTable;
    /// <summary>Planes (Lua's <c>nInputPlane</c>, <c>nOutputPlane</c>). Example: <c>c.NInputPlane</c>.</summary>
    public int NInputPlane, NOutputPlane;
    /// <summary>Kernel and steps (Lua's <c>kW</c>, <c>kH</c>, <c>dW</c>, <c>dH</c>). Example: <c>c.KW</c>.</summary>
    public int KW, KH, DW, DH;

    ConnectionTable? table;

    // derived from connTable; rebuilt after a clone, a type change or a load, which reset caches
    internal ConnectionTable Table => table ??= new ConnectionTable(ConnTable, this);

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("connTable", ref ConnTable);
        m.Field("nInputPlane", ref NInputPlane);
        m.Field("nOutputPlane", ref NOutputPlane);
        m.Field("kW", ref KW);
        m.Field("kH", ref KH);
        m.Field("dW", ref DW);
        m.Field("dH", ref DH);
        m.Cache(ref table);
    }

    /// <summary>A mapped convolution. Example: <c>new SpatialConvolutionMap(nn.tables.Full(3, 8), 5, 5)</c>.</summary>
    public SpatialConvolutionMap(Tensor connTable, int kW, int kH, int dW = 1, int dH = 1)
    {
        (ConnTable, KW, KH, DW, DH) = (connTable, kW, kH, dW, dH);
        (NInputPlane, NOutputPlane) = ((int)Table.NInputPlane, (int)Table.NOutputPlane);
        Weight = torch.Tensor(connTable.Size(1), kH, kW);
        GradWeight = torch.Tensor(connTable.Size(1), kH, kW).Zero();
        Bias = torch.Tensor(NOutputPlane);
        GradBias = torch.Tensor(NOutputPlane).Zero();
        Reset();
    }

    /// <summary>Whether the dense kernels are laid out for a transposed convolution (see <see cref="SpatialFullConvolutionMap"/>).</summary>
    protected virtual bool Transposed => false;

    /// <inheritdoc/>
    public override Module Reset(double? stdv = null)
    {
        Table.Reset(Weight, Bias, KW, KH, stdv);
        return this;
    }

    /// <inheritdoc/>
    protected internal override Gradient Gradient => Gradient.Autograd;

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = ImageInput(input, NInputPlane);
        using var dense = Table.Dense(Weight.Raw, Transposed);
        return Emit(Batched.Run(x, 3, b => Transposed
            ? TS.nn.functional.conv_transpose2d(b, dense, Bias.Raw, new long[] { DH, DW })
            : TS.nn.functional.conv2d(b, dense, Bias.Raw, new long[] { DH, DW })));
    }
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.SpatialConvolutionMap"/> (Lua's <c>nn.SpatialConvolutionMap</c>). Example: <c>var m = nn.SpatialConvolutionMap(connTable, kW, kH);</c></summary>
    public static SpatialConvolutionMap SpatialConvolutionMap(Tensor connTable, int kW, int kH, int dW = 1, int dH = 1) => new(connTable, kW, kH, dW, dH);
}
