namespace Torch.Nn;

/// <summary>Lua's <c>nn.Convert([inputShape='b*', outputShape=inputShape])</c>: converts between data layouts named by letters ('b' batch,
/// 'c' channels, 'h', 'w', 'f' features, 't' targets...): a permutation of the same letters becomes a Transpose, 'bf' flattens each
/// sample, 'b' and 'bt' select or add a dimension; a missing 'b' means a batch dimension first, and inputs without it are treated as
/// one sample. The converting module is built at the first forward (see <see cref="Container.Modules"/>).</summary>
/// <remarks>Example: <c>Tensor flat = nn.Convert("bchw", "bf").Forward(torch.Tensor(2, 3, 4, 4));  // 2x48</c></remarks>
public class Convert : Container
{
    /// <summary>The input layout, with 'b' (Lua's <c>inputShape</c>). Example: <c>c.InputShape</c>.</summary>
    public string InputShape;
    /// <summary>The output layout, with 'b' (Lua's <c>outputShape</c>). Example: <c>c.OutputShape</c>.</summary>
    public string OutputShape;
    /// <summary>Whether the last input lacked the batch dimension (Lua's <c>batchMode</c> is its negation). Example: <c>c.BatchMode</c>.</summary>
    public bool BatchMode = true;

    /// <inheritdoc/>
    protected internal override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("inputShape", ref InputShape);
        m.Field("outputShape", ref OutputShape);
        m.Field("batchMode", ref BatchMode);
    }

    bool Transposition => InputShape == "b*" || (InputShape.Length == OutputShape.Length && InputShape.All(OutputShape.Contains));

    /// <summary>A layout converter. Example: <c>new Convert("bhwc", "bchw")</c>.</summary>
    public Convert(string inputShape = "b*", string? outputShape = null)
    {
        outputShape ??= inputShape;
        InputShape = inputShape.Contains('b') ? inputShape : "b" + inputShape;
        OutputShape = outputShape.Contains('b') ? outputShape : "b" + outputShape;
        if ((InputShape == "b*") != (OutputShape == "b*")) throw new ArgumentException("nn.Convert: both or neither shapes must be b*");
        bool star = InputShape == "b*";
        LuaOnly(("inputBatchDim", (double)InputShape.IndexOf('b') + 1), ("outputBatchDim", (double)OutputShape.IndexOf('b') + 1),
            ("nInputDim", star ? -1.0 : InputShape.Length), ("nOutputDim", star ? -1.0 : OutputShape.Length), ("transposition", Transposition)); // Lua's
    }

    int Axis(char c, string shape)
    {
        int i = shape.IndexOf(c);
        return i >= 0 ? i + 1 : throw new ArgumentException($"{TypeName}: provided shape '{shape}' has no axis '{c}'");
    }

    Module Build(Tensor input)
    {
        if (Transposition) return TransposeTo(OutputShape);
        int b = Axis('b', InputShape);
        switch (OutputShape)
        {
            case "bf":
                if (InputShape == "bt") throw new ArgumentException($"{TypeName}: conversion of shape bt to bf is not supported");
                if (InputShape.Length == 1) return new Reshape(1);
                Module? transpose = b != 1 ? new Transpose(new[] { 1, b }) : null;
                if (InputShape.Length == 2) return transpose ?? new Identity();
                using (var sample = input.Select(b, 1))
                {
                    var reshape = new Reshape(sample.NElement());
                    return transpose is null ? reshape : new Sequential().Add(transpose).Add(reshape);
                }
            case "b":
                if (InputShape is "bt" or "tb") return new Select(Axis('t', InputShape), 1);
                if (InputShape is "bf" or "fb")
                {
                    int f = Axis('f', InputShape);
                    if (input.Size(f) > 1) throw new ArgumentException($"{TypeName}: cannot convert shape {InputShape} to b when feature > 1");
                    return new Select(f, 1);
                }
                throw new ArgumentException($"{TypeName}: cannot convert shape {InputShape} to shape b");
            case "bt":
                return InputShape == "b" ? new Reshape(1) : throw new ArgumentException($"{TypeName}: cannot convert shape '{InputShape}' to bt");
            default:
                throw new ArgumentException($"{TypeName}: unrecognized conversion of shape {InputShape} to {OutputShape}");
        }
    }

    Module TransposeTo(string shape)
    {
        if (shape == InputShape || InputShape == "b*") return new Identity();
        var current = InputShape.ToCharArray();
        var pairs = new List<int[]>();
        for (int i = 0; i < shape.Length; i++)
        {
            int j = Array.IndexOf(current, shape[i]);
            if (i == j) continue;
            (current[i], current[j]) = (current[j], current[i]);
            pairs.Add(new[] { j + 1, i + 1 });
        }
        return new Transpose(pairs.ToArray());
    }

    Tensor Batched(Tensor x)
    {
        if (InputShape == "b*" || x.Dim() >= InputShape.Length) { BatchMode = true; return x; }
        BatchMode = false;
        return x.Unsqueeze(Axis('b', InputShape));
    }

    /// <inheritdoc/>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = Batched(InputTensor(input));
        if (Modules.Count == 0) Modules.Add(Build(x));
        Tensor y = RunChild(0, x);
        Output = BatchMode || OutputShape == "b*" ? y : y.Squeeze(Axis('b', OutputShape));
        return Output;
    }

    Tensor BatchedGrad(Tensor g) => BatchMode ? g : g.Contiguous().View(((Tensor)Modules[0].Output).Size());

    /// <inheritdoc/>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        var x = InputTensor(input);
        var xb = Batched(x);
        Tensor g = Child(0, m => m.UpdateGradInput(xb, BatchedGrad(InputTensor(gradOutput, "gradOutput"))));
        GradInput = BatchMode ? g : g.Contiguous().View(x.Size());
        return GradInput;
    }

    /// <inheritdoc/>
    protected override void ForEachChildBackward(LuaValue input, LuaValue gradOutput, ParameterPass pass)
    {
        var xb = Batched(InputTensor(input));
        var gb = BatchedGrad(InputTensor(gradOutput, "gradOutput"));
        Child(0, pass, xb, gb);
    }

    /// <summary>Torch7's text: the class name, "nn.Convert". Example: <c>c.ToString()</c>.</summary>
    public override string ToString() => TypeName;
}

public static partial class nn
{
    /// <summary>A new <see cref="Torch.Nn.Convert"/> (Lua's <c>nn.Convert</c>). Example: <c>var m = nn.Convert();</c></summary>
    public static Convert Convert(string inputShape = "b*", string? outputShape = null) => new(inputShape, outputShape);
}
