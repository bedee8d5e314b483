using Torch;
using Torch.Nn;

namespace CharRnn;

/// <summary>char-rnn's util/model_utils.lua.</summary>
public static class ModelUtils
{
    /// <summary>Like getParameters, over several networks: their parameters and gradients, each flattened into one tensor.
    /// Example: <c>var (p, g) = ModelUtils.CombineAllParameters(rnn);</c></summary>
    public static (Tensor Params, Tensor GradParams) CombineAllParameters(params Module[] networks)
    {
        var parameters = new List<Tensor>();
        var gradParameters = new List<Tensor>();
        foreach (var net in networks)
        {
            var (p, g) = net.Parameters();
            parameters.AddRange(p);
            gradParameters.AddRange(g);
        }
        return (Module.Flatten(parameters), Module.Flatten(gradParameters));
    }

    /// <summary>T copies of <paramref name="net"/> read back from one serialization, each pointing its parameters and
    /// gradients at the prototype's. Example: <c>var clones = ModelUtils.CloneManyTimes(protos.rnn, 50);</c></summary>
    public static object[] CloneManyTimes(object net, int T)
    {
        var clones = new object[T];
        var (ps, gradPs) = net is Module m ? m.Parameters() : (new List<Tensor>(), new List<Tensor>());
        byte[] mem = torch.Serialize(net);
        for (int t = 0; t < T; t++)
        {
            // a new reader for each clone: no object is shared between them
            var clone = torch.Deserialize(mem)!;
            if (clone is Module c)
            {
                var (cloneParams, cloneGradParams) = c.Parameters();
                for (int i = 0; i < ps.Count; i++)
                {
                    cloneParams[i].Set(ps[i]);
                    cloneGradParams[i].Set(gradPs[i]);
                }
            }
            clones[t] = clone;
        }
        return clones;
    }
}
