namespace Torch;

/// <summary>
/// A value that may hold a tensor: what <c>net.Forward(x)</c> returns (<see cref="LuaValue"/>) and what <c>a[i]</c> returns
/// (<see cref="Subscript"/>). <see cref="TensorValueExtensions"/> gives both the tensor methods ported Lua calls on them
/// (<c>net:forward(x):float()</c>, <c>inputs[n]:copy(img)</c>), so they read as in Lua without a cast.
/// </summary>
/// <remarks>Example: <c>Tensor y = net.Forward(x).Float(); inputs[n].Copy(img);</c></remarks>
public interface ITensorValue
{
    /// <summary>The tensor held, or an error naming what is held instead. Example: <c>Tensor t = v.AsTensor;</c></summary>
    Tensor AsTensor { get; }
}

/// <summary>
/// Tensor methods on values that hold a tensor (<see cref="ITensorValue"/>): each calls the same method of
/// <see cref="ITensorValue.AsTensor"/>, so it fails, naming what is held, when the value is not a tensor.
/// </summary>
/// <remarks>Example: <c>var probs = net.Forward(x).Float(); long n = batch[1].Size(1);</c></remarks>
public static class TensorValueExtensions
{
    /// <summary>As a FloatTensor. Example: <c>net.Forward(x).Float()</c>.</summary>
    public static Tensor Float<T>(this T v) where T : struct, ITensorValue => v.AsTensor.Float();
    /// <summary>As a DoubleTensor. Example: <c>net.Forward(x).Double()</c>.</summary>
    public static Tensor Double<T>(this T v) where T : struct, ITensorValue => v.AsTensor.Double();
    /// <summary>As a LongTensor. Example: <c>a[1].Long()</c>.</summary>
    public static Tensor Long<T>(this T v) where T : struct, ITensorValue => v.AsTensor.Long();
    /// <summary>As a ByteTensor. Example: <c>a[1].Byte()</c>.</summary>
    public static Tensor Byte<T>(this T v) where T : struct, ITensorValue => v.AsTensor.Byte();
    /// <summary>As a CUDA tensor (throws when CUDA is absent). Example: <c>net.Forward(x).Cuda()</c>.</summary>
    public static Tensor Cuda<T>(this T v) where T : struct, ITensorValue => v.AsTensor.Cuda();
    /// <summary>The Torch7 type name. Example: <c>net.Forward(x).Type() == "torch.DoubleTensor"</c>.</summary>
    public static string Type<T>(this T v) where T : struct, ITensorValue => v.AsTensor.Type();
    /// <summary>Converted to a Torch7 type. Example: <c>net.Forward(x).Type("torch.FloatTensor")</c>.</summary>
    public static Tensor Type<T>(this T v, string typeName) where T : struct, ITensorValue => v.AsTensor.Type(typeName);
    /// <summary>A contiguous copy. Example: <c>var saved = net.Forward(x).Clone();</c></summary>
    public static Tensor Clone<T>(this T v) where T : struct, ITensorValue => v.AsTensor.Clone();
    /// <summary>The tensor if contiguous, else a contiguous copy. Example: <c>a[2].Contiguous()</c>.</summary>
    public static Tensor Contiguous<T>(this T v) where T : struct, ITensorValue => v.AsTensor.Contiguous();
    /// <summary>Copies <paramref name="source"/> in (Lua's <c>inputs[n]:copy(img)</c>). Example: <c>inputs[n].Copy(img);</c></summary>
    public static Tensor Copy<T>(this T v, Tensor source) where T : struct, ITensorValue => v.AsTensor.Copy(source);
    /// <summary>Sets every element. Example: <c>a[2].Fill(0);</c></summary>
    public static Tensor Fill<T>(this T v, double value) where T : struct, ITensorValue => v.AsTensor.Fill(value);
    /// <summary>Sets every element to 0. Example: <c>a[2].Zero();</c></summary>
    public static Tensor Zero<T>(this T v) where T : struct, ITensorValue => v.AsTensor.Zero();
    /// <summary>All sizes. Example: <c>long[] s = net.Forward(x).Size();</c></summary>
    public static long[] Size<T>(this T v) where T : struct, ITensorValue => v.AsTensor.Size();
    /// <summary>Size of a dimension (1-based). Example: <c>long n = net.Forward(x).Size(1);</c></summary>
    public static long Size<T>(this T v, int dim) where T : struct, ITensorValue => v.AsTensor.Size(dim);
    /// <summary>Number of dimensions. Example: <c>net.Forward(x).Dim()</c>.</summary>
    public static int Dim<T>(this T v) where T : struct, ITensorValue => v.AsTensor.Dim();
    /// <summary>Number of elements. Example: <c>net.Forward(x).NElement()</c>.</summary>
    public static long NElement<T>(this T v) where T : struct, ITensorValue => v.AsTensor.NElement();
    /// <summary>A view with other sizes. Example: <c>net.Forward(x).View(-1)</c>.</summary>
    public static Tensor View<T>(this T v, params long[] size) where T : struct, ITensorValue => v.AsTensor.View(size);
    /// <summary>Without singleton dimensions. Example: <c>net.Forward(x).Squeeze()</c>.</summary>
    public static Tensor Squeeze<T>(this T v) where T : struct, ITensorValue => v.AsTensor.Squeeze();
    /// <summary>A slice (1-based). Example: <c>net.Forward(x).Select(1, 2)</c>.</summary>
    public static Tensor Select<T>(this T v, int dim, long index) where T : struct, ITensorValue => v.AsTensor.Select(dim, index);
    /// <summary>Slices of a dimension (1-based). Example: <c>net.Forward(x).Narrow(1, 2, 3)</c>.</summary>
    public static Tensor Narrow<T>(this T v, int dim, long index, long size) where T : struct, ITensorValue => v.AsTensor.Narrow(dim, index, size);
    /// <summary>Maxima along a dimension and their 1-based indices (Lua's <c>output:max(2)</c>). Example: <c>var (_, pred) = net.Forward(x).Max(2);</c></summary>
    public static (Tensor Values, Tensor Indices) Max<T>(this T v, int dim) where T : struct, ITensorValue => v.AsTensor.Max(dim);
    /// <summary>The sum of all elements. Example: <c>double s = net.Forward(x).Sum();</c></summary>
    public static double Sum<T>(this T v) where T : struct, ITensorValue => v.AsTensor.Sum();
}
