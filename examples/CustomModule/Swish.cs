using Torch;
using Torch.Nn;

/// <summary>
/// A module written as Lua's nn modules are: y = x ⊙ sigmoid(β ⊙ x), with β learnt per feature ("Swish").
/// UpdateOutput, UpdateGradInput and AccGradParameters fill the Output, GradInput and GradWeight buffers with
/// Torch7's tensor methods, keeping what the backward needs (the sigmoid) from the forward, as a Lua module keeps it in self.
/// </summary>
sealed class Swish : Module
{
    readonly Tensor sigmoid = torch.Tensor();   // Lua: self.sigmoid
    readonly Tensor work = torch.Tensor();

    public Swish(int features)
    {
        Weight = torch.Tensor(features).Fill(1);      // β, one per feature
        GradWeight = torch.Tensor(features).Zero();
    }

    // β as wide as the input: a view of it for one sample, expanded over the rows of a batch
    Tensor Beta(Tensor x) => x.Dim() == 1 ? Weight : Weight.View(1, Weight.Size(1)).ExpandAs(x);

    public override LuaValue UpdateOutput(LuaValue input)
    {
        Tensor x = input;
        sigmoid.ResizeAs(x).Cmul(x, Beta(x)).Sigmoid();           // s = sigmoid(β x)
        Output = ((Tensor)Output).ResizeAs(x).Cmul(x, sigmoid);   // y = x s
        return Output;
    }

    public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput)
    {
        Tensor x = input, gy = gradOutput;
        // dy/dx = s + β x s (1 - s)
        work.ResizeAs(x).Fill(1).Add(-1, sigmoid).Cmul(sigmoid).Cmul(x).Cmul(Beta(x)).Add(sigmoid);
        GradInput = ((Tensor)GradInput).ResizeAs(x).Cmul(gy, work);
        return GradInput;
    }

    public override void AccGradParameters(LuaValue input, LuaValue gradOutput, double scale = 1)
    {
        Tensor x = input, gy = gradOutput;
        // dy/dβ = x² s (1 - s), summed over the batch
        work.ResizeAs(x).Fill(1).Add(-1, sigmoid).Cmul(sigmoid).Cmul(x).Cmul(x).Cmul(gy);
        GradWeight.Add(scale, x.Dim() == 1 ? work : work.Sum(1).View(Weight.Size(1)));
    }

    public override string ToString() => $"Swish({Weight.Size(1)})";
}
