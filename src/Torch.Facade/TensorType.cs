using TorchSharp;
using ScalarType = TorchSharp.torch.ScalarType;

namespace Torch;

/// <summary>
/// Torch7's tensor type names ("torch.DoubleTensor", "torch.CudaTensor", ...) and their libtorch element types.
/// Example: <c>TensorType.Parse("torch.FloatTensor")</c> gives (Float32, cuda: false).
/// </summary>
public static class TensorType
{
    static readonly (ScalarType Type, string Name)[] Names =
    {
        (ScalarType.Float64, "Double"), (ScalarType.Float32, "Float"), (ScalarType.Int64, "Long"),
        (ScalarType.Int32, "Int"), (ScalarType.Int16, "Short"), (ScalarType.Int8, "Char"),
        (ScalarType.Byte, "Byte"), (ScalarType.Float16, "Half"),
    };

    /// <summary>
    /// The Torch7 name of a tensor of this element type and device, e.g. "torch.DoubleTensor" or "torch.CudaTensor".
    /// Example: <c>TensorType.Name(ScalarType.Float32, cuda: true) == "torch.CudaTensor"</c>.
    /// </summary>
    public static string Name(ScalarType type, bool cuda) => cuda
        ? (type == ScalarType.Float32 ? "torch.CudaTensor" : $"torch.Cuda{Short(type)}Tensor")
        : $"torch.{Short(type)}Tensor";

    /// <summary>
    /// The Torch7 name of a storage of this element type, e.g. "torch.DoubleStorage".
    /// Example: <c>TensorType.StorageName(ScalarType.Float64) == "torch.DoubleStorage"</c>.
    /// </summary>
    public static string StorageName(ScalarType type, bool cuda) => cuda
        ? (type == ScalarType.Float32 ? "torch.CudaStorage" : $"torch.Cuda{Short(type)}Storage")
        : $"torch.{Short(type)}Storage";

    /// <summary>
    /// Parses a Torch7 tensor type name; throws with the list of known names otherwise.
    /// Example: <c>var (type, cuda) = TensorType.Parse("torch.CudaLongTensor");</c>
    /// </summary>
    public static (ScalarType Type, bool Cuda) Parse(string name) => TryParse(name, out var r) ? r : throw new ArgumentException(
            $"unknown tensor type '{name}' (expected one of {string.Join(", ", Names.Select(n => $"torch.{n.Name}Tensor"))}, torch.CudaTensor, torch.Cuda<Type>Tensor)");

    /// <summary>Parses a Torch7 tensor type name; false for any other name.
    /// Example: <c>TensorType.TryParse("torch.BoolTensor", out _) == false</c>.</summary>
    public static bool TryParse(string name, out (ScalarType Type, bool Cuda) result)
    {
        foreach (var (type, shortName) in Names)
        {
            if (name == $"torch.{shortName}Tensor") { result = (type, false); return true; }
            if (name == Name(type, true)) { result = (type, true); return true; }
        }
        result = default;
        return false;
    }

    /// <summary>
    /// The short Torch7 name of an element type ("Double", "Float", "Long", ...).
    /// Example: <c>TensorType.Short(ScalarType.Int8) == "Char"</c>.
    /// </summary>
    public static string Short(ScalarType type)
    {
        foreach (var (t, n) in Names) if (t == type) return n;
        if (type == ScalarType.Bool) return "Byte";
        throw new NotSupportedException($"element type {type} has no Torch7 counterpart");
    }

    /// <summary>Bytes per element of this type. Example: <c>TensorType.ElementSize(ScalarType.Float32) == 4</c>.</summary>
    internal static int ElementSize(ScalarType t) => t switch
    {
        ScalarType.Float64 or ScalarType.Int64 or ScalarType.ComplexFloat32 => 8,
        ScalarType.Float32 or ScalarType.Int32 => 4,
        ScalarType.Int16 or ScalarType.Float16 or ScalarType.BFloat16 => 2,
        ScalarType.ComplexFloat64 => 16,
        _ => 1,
    };

    /// <summary>Whether Torch7 treats this type as floating point (Float, Double, Half).</summary>
    /// <remarks>Example: <c>TensorType.IsFloating(ScalarType.Float32) == true</c>.</remarks>
    public static bool IsFloating(ScalarType type) =>
        type is ScalarType.Float32 or ScalarType.Float64 or ScalarType.Float16 or ScalarType.BFloat16;
}
