using TorchSharp;
using TS = TorchSharp.torch;

namespace Torch.Nn.Internal;

/// <summary>Calls into the library's fixed TorchScript functions. TorchSharp's <c>invoke</c> turns each long or double argument into
/// a Scalar it drops at once, so a collection finished by another thread could free it while libtorch reads it (a use after free:
/// "Expected false to be true" from <c>Scalar::toDouble</c> in a parallel test run). Here a long goes as an int, which TorchSharp
/// passes by value, and a double as a Scalar held until the call returns.</summary>
internal static class ScriptCall
{
    /// <summary>The result of function <paramref name="name"/> of <paramref name="unit"/> for <paramref name="args"/> (tensors,
    /// nulls, bools, ints, longs, doubles).</summary>
    internal static T Invoke<T>(TS.jit.CompilationUnit unit, string name, params object?[] args)
    {
        List<Scalar>? held = null; // most calls pass no double
        try
        {
            for (int i = 0; i < args.Length; i++)
            {
                if (args[i] is long l) args[i] = checked((int)l);
                else if (args[i] is double d)
                {
                    var s = d.ToScalar();
                    (held ??= new()).Add(s);
                    args[i] = s;
                }
            }
            return unit.invoke<T>(name, args!);
        }
        finally
        {
            if (held is not null) foreach (var s in held) s.Dispose();
        }
    }
}
