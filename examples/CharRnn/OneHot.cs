using Torch;
using Torch.Nn;

namespace CharRnn;

/// <summary>char-rnn's util/OneHot.lua, a program's own module class: each input index becomes a row of the identity.
/// Its Lua name is "OneHot" (no package), and it loads from Torch7 checkpoints through <see cref="Register"/>.</summary>
public sealed class OneHot : Module
{
    /// <summary>The number of classes (Lua's outputSize). Example: <c>oneHot.OutputSize</c>.</summary>
    public int OutputSize;
    Tensor? eye;

    /// <summary>Its Lua fields, so clones and files carry them (as char-rnn's outputSize and _eye).</summary>
    protected override void Declare(Members m)
    {
        base.Declare(m);
        m.Field("outputSize", ref OutputSize);
        m.Buffer("_eye", ref eye);
    }

    /// <summary>Example: <c>new OneHot(65).Call(x)</c>.</summary>
    public OneHot(int outputSize) => OutputSize = outputSize;

    /// <summary>How .t7 files name the class (as torch.class('OneHot', 'nn.Module') does). Example: <c>"OneHot"</c>.</summary>
    public override string TypeName => "OneHot";

    /// <summary>Builds the class from a file's fields (Torch7's checkpoints hold it). Example: <c>OneHot.Register();</c></summary>
    public static void Register() =>
        TorchClasses.AddReader(name => name == "OneHot" ? fields => new OneHot((int)(double)fields["outputSize"]) : null);

    /// <summary>Rows of the identity matrix. Example: <c>oneHot.Forward(torch.Tensor(new double[] { 3, 1 }))</c>.</summary>
    public override LuaValue UpdateOutput(LuaValue input)
    {
        var x = (Tensor)input;
        Tensor output = Output;
        output.Resize(x.Size(1), OutputSize).Zero();
        eye ??= torch.Eye(OutputSize);
        eye = eye.Float();
        // output:copy(self._eye:index(1, longInput)) puts a 1 at each row's class: written so when every index is in range (no
        // copy of the gathered rows, a long tensor and a float tensor a step); the gather itself, with its error, otherwise
        var classes = x.Dim() == 1 ? x.ToArray() : null;
        if (classes is not null && classes.All(c => (long)c >= 1 && (long)c <= OutputSize))
            for (int i = 0; i < classes.Length; i++) output[i + 1, (long)classes[i]] = 1;
        else output.Copy(eye.Index(1, x.Long()));
        return Output;
    }

    /// <summary>No gradient for indices: Lua's OneHot keeps nn.Module's, which returns the (empty) gradInput.
    /// Example: <c>oneHot.UpdateGradInput(x, g)</c>.</summary>
    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput) => GradInput;
}
