namespace Torch.Optim.Tests;

/// <summary>An optimiser's config/state saved with torch.Save and rebuilt from the Lua table a Torch7 checkpoint holds.</summary>
public class StateTableTests
{
    static string Fixture(string name) => Path.Combine(Processes.RepoRoot(), "tests", "Torch.Optim.Tests", "Fixtures", name);

    static (double, Tensor) Feval(Tensor p) => (0.5 * p.Dot(p), p.Clone()); // f = |x|^2 / 2, df/dx = x, as the Lua script

    [Fact]
    public void Sgd_resumes_from_the_optimState_Torch7_saved_and_takes_Torch7s_next_step()
    {
        // tools/torch7/optim-state.lua: two optim.sgd steps with momentum, Nesterov and decays, then the state, x, and x after a third step
        var state = torch.Load<SgdConfig>(Fixture("optim-state-sgd.t7"));
        state.EvalCounter.Should().Be(2);
        state.Momentum.Should().Be(0.9);
        state.Nesterov.Should().BeTrue();
        state.Dfdx.Should().NotBeNull();
        var x = torch.Load<Tensor>(Fixture("optim-state-x2.t7"));
        optim.Sgd(Feval, x, state);
        var expected = torch.Load<Tensor>(Fixture("optim-state-x3.t7"));
        x.ToArray<double>().Should().Equal(expected.ToArray<double>());
    }

    [Fact]
    public void A_saved_state_comes_back_with_Lua_field_names_and_continues_as_the_original()
    {
        var config = new AdamConfig { LearningRate = 0.01, WeightDecay = 1e-3 };
        var x = torch.Tensor(new double[] { 1, -2, 3 });
        optim.Adam(Feval, x, config);
        optim.Adam(Feval, x, config);
        string path = Path.Combine(Path.GetTempPath(), $"adam-state-{Guid.NewGuid():N}.t7");
        try
        {
            torch.Save(path, config);
            var table = torch.Load<Table>(path); // a plain Lua table, as Torch7's optim keeps it
            ((double)table["t"]).Should().Be(2);
            ((double)table["learningRate"]).Should().Be(0.01);
            table["m"].IsTensor.Should().BeTrue();
            var back = torch.Load<AdamConfig>(path);
            var y = x.Clone();
            optim.Adam(Feval, x, config);
            optim.Adam(Feval, y, back);
            y.ToArray<double>().Should().Equal(x.ToArray<double>());
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void The_table_shares_the_state_tensors_and_unknown_fields_are_named()
    {
        var config = new SgdConfig { Momentum = 0.5, Dfdx = torch.Ones(2) };
        var table = optim.ToTable(config);
        ReferenceEquals(table["dfdx"].AsTensor, config.Dfdx).Should().BeTrue();
        table["dampening"].IsNil.Should().BeTrue("nil stays nil, as Lua's dampening defaults to the momentum");
        optim.FromTable<SgdConfig>(table).Dfdx.Should().BeSameAs(config.Dfdx);
        table["bogus"] = 1.0;
        var act = () => optim.FromTable<SgdConfig>(table);
        act.Should().Throw<InvalidDataException>().WithMessage("optim: the table has a field bogus that SgdConfig does not know");
    }
}
