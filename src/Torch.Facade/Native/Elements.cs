using ScalarType = TorchSharp.torch.ScalarType;

namespace Torch.Native;

/// <summary>Reads and writes single elements of CPU memory as doubles, whatever the element type.</summary>
internal static unsafe class Elements
{
    public static double Read(IntPtr p, ScalarType type, long i) => type switch
    {
        ScalarType.Float64 => ((double*)p)[i],
        ScalarType.Float32 => ((float*)p)[i],
        ScalarType.Int64 => ((long*)p)[i],
        ScalarType.Int32 => ((int*)p)[i],
        ScalarType.Int16 => ((short*)p)[i],
        ScalarType.Int8 => ((sbyte*)p)[i],
        ScalarType.Byte => ((byte*)p)[i],
        ScalarType.Bool => ((byte*)p)[i],
        ScalarType.Float16 => (double)((Half*)p)[i],
        _ => throw new NotSupportedException($"element type {type}"),
    };

    public static void Write(IntPtr p, ScalarType type, long i, double v)
    {
        switch (type)
        {
            case ScalarType.Float64: ((double*)p)[i] = v; break;
            case ScalarType.Float32: ((float*)p)[i] = (float)v; break;
            case ScalarType.Int64: ((long*)p)[i] = (long)v; break;
            case ScalarType.Int32: ((int*)p)[i] = (int)(long)v; break;
            case ScalarType.Int16: ((short*)p)[i] = (short)(long)v; break;
            case ScalarType.Int8: ((sbyte*)p)[i] = (sbyte)(long)v; break;
            case ScalarType.Byte: ((byte*)p)[i] = (byte)(long)v; break;
            case ScalarType.Bool: ((byte*)p)[i] = v != 0 ? (byte)1 : (byte)0; break;
            case ScalarType.Float16: ((Half*)p)[i] = (Half)v; break;
            default: throw new NotSupportedException($"element type {type}");
        }
    }
}
