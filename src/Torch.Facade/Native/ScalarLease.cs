using TorchSharp;
using Scalar = TorchSharp.Scalar;
using ScalarType = TorchSharp.torch.ScalarType;

namespace Torch.Native;

/// <summary>
/// A libtorch Scalar for one call. The common values 0, 1 and -1 come from a cache, which saves the native
/// allocation that dominates small-tensor ops (raw TorchSharp makes one per <c>add_</c>); others are freed on Dispose.
/// Integer tensors get integer scalars, as libtorch requires for <c>alpha</c>.
/// </summary>
internal readonly struct ScalarLease : IDisposable
{
    static readonly Scalar DOne = 1.0.ToScalar(), DZero = 0.0.ToScalar(), DMinusOne = (-1.0).ToScalar();
    static readonly Scalar LOne = 1L.ToScalar(), LZero = 0L.ToScalar(), LMinusOne = (-1L).ToScalar();

    /// <summary>The alpha 1 of <c>add</c>/<c>sub</c> with a tensor, alive for the process. TorchSharp's <c>add_(t)</c> makes its
    /// alpha as a new Scalar per call and passes only its handle, so a collection finishing on another thread (a pool worker's)
    /// could finalize that Scalar while libtorch read it ("Expected false to be true" from Scalar::toDouble in a Hogwild worker's
    /// Linear, twice in seven runs): pass this one instead. An integral 1, as TorchSharp's own, so it suits every type.</summary>
    internal static Scalar One => LOne;

    public readonly Scalar Value;
    readonly bool owned;

    ScalarLease(Scalar value, bool owned)
    {
        Value = value;
        this.owned = owned;
    }

    /// <summary>
    /// A Lua number as the C code of Torch7 stores it in an element of <paramref name="type"/>: integers truncate and wrap
    /// to the type's width, Float overflows to ±inf. NaN, ±inf and numbers beyond a long cannot go into an integer type and throw.
    /// </summary>
    public static double Convert(double v, ScalarType type)
    {
        if (TensorType.IsFloating(type))
            return type switch
            {
                ScalarType.Float32 => (float)v,
                ScalarType.Float16 => (double)(Half)v,
                _ => v,
            };
        if (!(v > -9.2233720368547758e18 && v < 9.2233720368547758e18))
            throw new ArgumentOutOfRangeException(nameof(v), $"the number {v} cannot be stored in a {TensorType.Name(type, false)} (expected a finite number within the range of a long)");
        long l = (long)v;
        return type switch
        {
            ScalarType.Byte => (byte)l,
            ScalarType.Int8 => (sbyte)l,
            ScalarType.Int16 => (short)l,
            ScalarType.Int32 => (int)l,
            ScalarType.Bool => l != 0 ? 1 : 0,
            _ => l,
        };
    }

    public static ScalarLease Of(double v, ScalarType type)
    {
        v = Convert(v, type);
        bool integral = !TensorType.IsFloating(type);
        if (integral)
        {
            long l = (long)v;
            return l switch
            {
                0 => new(LZero, false),
                1 => new(LOne, false),
                -1 => new(LMinusOne, false),
                _ => new(l.ToScalar(), true),
            };
        }
        return v switch
        {
            0.0 when !double.IsNegative(v) => new(DZero, false),
            1.0 => new(DOne, false),
            -1.0 => new(DMinusOne, false),
            _ => new(v.ToScalar(), true),
        };
    }

    public void Dispose()
    {
        if (owned) Value.Dispose();
    }
}
