using System.Reflection;
using System.Runtime.CompilerServices;

namespace Torch.Nn.Tests;

/// <summary>Every module declares how its backward is computed, the declaration matches the code, and the autograd backward
/// runs the forward once per training step and lets errors through.</summary>
public class GradientDeclarationTests
{
    static IEnumerable<Type> ModuleClasses() =>
        typeof(Module).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Module)) && !t.IsAbstract);

    static Gradient Declared(Type t) => ((Module)RuntimeHelpers.GetUninitializedObject(t)).Gradient;

    [Fact]
    public void EveryNnClassDeclaresItsBackwardAndTheDeclarationMatchesItsCode()
    {
        var classes = ModuleClasses().ToList();
        classes.Should().HaveCountGreaterThan(100);
        foreach (var t in classes)
        {
            var declaredBy = t.GetProperty(nameof(Module.Gradient), BindingFlags.Instance | BindingFlags.NonPublic)!.GetMethod!.DeclaringType;
            declaredBy.Should().NotBe(typeof(Module), $"{t.Name} must declare its Gradient (itself or through its family's base)");
            bool formulas = t.GetMethod(nameof(Module.UpdateGradInput))!.DeclaringType != typeof(Module);
            Declared(t).Should().Be(formulas ? Gradient.Formulas : Gradient.Autograd,
                $"{t.Name} {(formulas ? "overrides" : "does not override")} UpdateGradInput");
        }
    }

    /// <summary>A user's module written as Lua's are, with its own gradient formula, and no Gradient declared.</summary>
    sealed class Doubling : Module
    {
        public override LuaValue UpdateOutput(LuaValue input) => Emit(input.AsTensor.Raw * 2);

        public override LuaValue UpdateGradInput(LuaValue input, LuaValue gradOutput) => EmitGradInput(gradOutput.AsTensor.Raw * 2);
    }

    [Fact]
    public void AUserModuleWithItsOwnUpdateGradInputRecordsNoGraphWithoutDeclaringFormulas()
    {
        // Formulas is Module's own declaration, not a guess from the class's methods: nothing is recorded that the backward never uses
        var m = new Doubling();
        m.Gradient.Should().Be(Gradient.Formulas);
        var x = torch.Tensor(new[] { 1.0, 2 });
        m.Forward(x);
        m.Recorded.Should().BeNull("a module with its own formulas records no graph");
        ((Tensor)m.Output).Raw.requires_grad.Should().BeFalse();
        ((Tensor)m.Backward(x, torch.Tensor(new[] { 1.0, 3 }))).ToArray().Should().Equal(2, 6);
        new Twice().Gradient.Should().Be(Gradient.Autograd, "a module with only a forward declares autograd");
    }

    /// <summary>A module written like a Lua one with only a forward, counting how often it runs; it declares autograd, so its
    /// training forward records the graph.</summary>
    sealed class Twice : OnlyForward
    {
        protected internal override Gradient Gradient => Gradient.Autograd;
    }

    [Fact]
    public void ATrainingForwardRecordsItsGraphAndAnEvaluationForwardIsReplayedWithoutTouchingTheOutput()
    {
        var m = new Twice();
        var x = torch.Tensor(new[] { 1.0, 2, 3 });
        m.Forward(x);
        Tensor gi = m.Backward(x, torch.Tensor(3).Fill(1));
        m.Runs.Should().Be(1, "the training forward's graph serves the backward");
        gi.ToArray().Should().Equal(2, 2, 2);

        m.Evaluate();
        Tensor y = m.Forward(x);
        var before = y.ToArray();
        gi = m.Backward(x, torch.Tensor(3).Fill(0.5));
        m.Runs.Should().Be(3, "an evaluation forward records nothing, so the backward replays it");
        gi.ToArray().Should().Equal(1, 1, 1);
        ((Tensor)m.Output).Should().BeSameAs(y);
        y.ToArray().Should().Equal(before);
        y.Raw.requires_grad.Should().BeFalse();
    }

    [Fact]
    public void ATableInputIsRecordedToo()
    {
        var m = nn.CMulTable();
        var a = torch.Tensor(new[] { 1.0, 2 });
        var b = torch.Tensor(new[] { 3.0, 4 });
        var input = new Table(a, b);
        Tensor y = m.Forward(input);
        y.ToArray().Should().Equal(3, 8);
        var gi = (Table)m.Backward(input, torch.Tensor(new[] { 1.0, 10 }));
        ((Tensor)gi[1]).ToArray().Should().Equal(3, 40);
        ((Tensor)gi[2]).ToArray().Should().Equal(1, 20);
    }

    [Fact]
    public void AGradOutputOfTheWrongSizeSurfacesAsAnErrorNamingTheModule()
    {
        var m = nn.CMul(3);
        var x = torch.Tensor(3).Uniform();
        m.Forward(x);
        var act = () => m.Backward(x, torch.Tensor(4).Fill(1));
        act.Should().Throw<ArgumentException>().WithMessage("nn.CMul*gradOutput of size 4*output of size 3*");
        m.Evaluate().Forward(x);
        act.Should().Throw<ArgumentException>().WithMessage("nn.CMul*gradOutput of size 4*output of size 3*", "a replayed backward checks the same way");
    }

    /// <summary>A user's module that writes only its forward and declares nothing (Module's Gradient.Formulas), counting its runs.</summary>
    class OnlyForward : Module
    {
        public int Runs;

        public override LuaValue UpdateOutput(LuaValue input)
        {
            Runs++;
            return Emit(input.AsTensor.Raw * 2);
        }
    }

    [Fact]
    public void AModuleWritingOnlyItsForwardWithoutDeclaringGetsAutogradByReplayingTheForward()
    {
        var m = new OnlyForward();
        m.Gradient.Should().Be(Gradient.Formulas, "Module's declaration");
        var x = torch.Tensor(2).Fill(1);
        ((Tensor)m.Forward(x)).ToArray().Should().Equal(2, 2);
        m.Recorded.Should().BeNull("a forward records nothing unless the module declares Gradient.Autograd");
        ((Tensor)m.Backward(x, torch.Tensor(new[] { 1.0, 3 }))).ToArray().Should().Equal(2, 6);
        m.Runs.Should().Be(2, "Module's UpdateGradInput ran the forward again under autograd");
        m.Recorded.Should().BeNull("the replayed graph is released after the backward");
    }
}
