using System.Diagnostics;
using System.Globalization;
using Torch;
using Torch.Nn;
using Torch.Optim;

namespace CharRnn;

/// <summary>char-rnn's train.lua, line by line: trains a character-level multi-layer LSTM on text data.</summary>
public static class Train
{
    /// <summary>Example: <c>Train.Run(new[] { "-max_epochs", "1" });</c></summary>
    public static void Run(string[] args)
    {
        var cmd = new CmdLine();
        cmd.Text();
        cmd.Text("Train a character-level language model");
        cmd.Text();
        cmd.Text("Options");
        // data
        cmd.Option("-data_dir", "data/tinyshakespeare", "data directory. Should contain the file input.txt with input data");
        // model params
        cmd.Option("-rnn_size", 128, "size of LSTM internal state");
        cmd.Option("-num_layers", 2, "number of layers in the LSTM");
        cmd.Option("-model", "lstm", "lstm (char-rnn's gru and rnn are not ported)");
        // optimization
        cmd.Option("-learning_rate", 2e-3, "learning rate");
        cmd.Option("-learning_rate_decay", 0.97, "learning rate decay");
        cmd.Option("-learning_rate_decay_after", 10, "in number of epochs, when to start decaying the learning rate");
        cmd.Option("-decay_rate", 0.95, "decay rate for rmsprop");
        cmd.Option("-dropout", 0, "dropout for regularization, used after each RNN hidden layer. 0 = no dropout");
        cmd.Option("-seq_length", 50, "number of timesteps to unroll for");
        cmd.Option("-batch_size", 50, "number of sequences to train on in parallel");
        cmd.Option("-max_epochs", 50, "number of full passes through the training data");
        cmd.Option("-grad_clip", 5, "clip gradients at this value");
        cmd.Option("-train_frac", 0.95, "fraction of data that goes into train set");
        cmd.Option("-val_frac", 0.05, "fraction of data that goes into validation set");
        cmd.Option("-init_from", "", "initialize network parameters from checkpoint at this path");
        // bookkeeping
        cmd.Option("-seed", 123, "torch manual random number generator seed");
        cmd.Option("-print_every", 1, "how many steps/minibatches between printing out the loss");
        cmd.Option("-eval_val_every", 1000, "every how many iterations should we evaluate on validation data?");
        cmd.Option("-checkpoint_dir", "cv", "output directory where checkpoints get written");
        cmd.Option("-savefile", "lstm", "filename to autosave the checkpont to. Will be inside checkpoint_dir/");
        // GPU/CPU
        cmd.Option("-gpuid", 0, "which gpu to use. -1 = use CPU");
        cmd.Text();

        // parse input params
        Table opt = cmd.Parse(args);
        torch.ManualSeed((long)(double)opt["seed"]);
        // train / val / test split for data, in fractions
        double testFrac = Math.Max(0, 1 - ((double)opt["train_frac"] + (double)opt["val_frac"]));
        var splitSizes = new[] { (double)opt["train_frac"], (double)opt["val_frac"], testFrac };

        // use CUDA when asked for and present, else fall back to the CPU as char-rnn does
        bool cuda = (double)opt["gpuid"] >= 0 && cutorch.IsAvailable();
        if ((double)opt["gpuid"] >= 0)
        {
            if (cuda) { Console.WriteLine($"using CUDA on GPU {opt["gpuid"]}..."); cutorch.SetDevice((int)(double)opt["gpuid"] + 1); }
            else { Console.WriteLine("Falling back on CPU mode"); opt["gpuid"] = -1; }
        }
        if ((string)opt["model"].Object! != "lstm") throw new ArgumentException($"-model {opt["model"]}: only lstm is ported");

        // create the data loader class
        OneHot.Register();
        int batchSize = (int)(double)opt["batch_size"], seqLength = (int)(double)opt["seq_length"];
        var loader = new CharSplitLMMinibatchLoader(FindData((string)opt["data_dir"].Object!), batchSize, seqLength, splitSizes);
        int vocabSize = loader.VocabSize; // the number of distinct characters
        var vocab = loader.VocabMapping;
        Console.WriteLine("vocab size: " + vocabSize);
        // make sure output directory exists
        Directory.CreateDirectory((string)opt["checkpoint_dir"].Object!);

        // define the model: prototypes for one timestep, then clone them in time
        bool doRandomInit = true;
        Table protos;
        if (((string)opt["init_from"].Object!).Length > 0)
        {
            Console.WriteLine("loading a model from checkpoint " + opt["init_from"]);
            var checkpoint = (Table)torch.Load((string)opt["init_from"].Object!)!;
            protos = checkpoint["protos"];
            // make sure the vocabs are the same
            bool vocabCompatible = true;
            int checkpointVocabSize = 0;
            foreach (var (c, i) in ((Table)checkpoint["vocab"]).Keyed)
            {
                if (!vocab[c].Equals(i)) vocabCompatible = false;
                checkpointVocabSize++;
            }
            if (checkpointVocabSize != vocabSize)
            {
                vocabCompatible = false;
                Console.WriteLine("checkpoint_vocab_size: " + checkpointVocabSize);
            }
            if (!vocabCompatible)
                throw new InvalidDataException("error, the character vocabulary for this dataset and the one in the saved checkpoint are not the same. This is trouble.");
            // overwrite model settings based on checkpoint to ensure compatibility
            Table copt = checkpoint["opt"];
            Console.WriteLine($"overwriting rnn_size={copt["rnn_size"]}, num_layers={copt["num_layers"]}, model={copt["model"]} based on the checkpoint.");
            opt["rnn_size"] = copt["rnn_size"];
            opt["num_layers"] = copt["num_layers"];
            opt["model"] = copt["model"];
            doRandomInit = false;
        }
        else
        {
            Console.WriteLine($"creating an {opt["model"]} with {opt["num_layers"]} layers");
            protos = new Table
            {
                ["rnn"] = new LuaValue(LSTM.Lstm(vocabSize, (int)(double)opt["rnn_size"], (int)(double)opt["num_layers"], (double)opt["dropout"])),
                ["criterion"] = new LuaValue(nn.ClassNLLCriterion()),
            };
        }
        var rnn = (GModule)protos["rnn"].Object!;
        var criterion = (Criterion)protos["criterion"].Object!;
        int rnnSize = (int)(double)opt["rnn_size"], numLayers = (int)(double)opt["num_layers"];

        // the initial state of the cell/hidden states
        var initState = new List<Tensor>();
        for (int L = 1; L <= numLayers; L++)
        {
            var hInit = torch.Zeros(batchSize, rnnSize);
            if (cuda) hInit = hInit.Cuda();
            initState.Add(hInit.Clone());
            initState.Add(hInit.Clone()); // lstm
        }

        // ship the model to the GPU if desired
        if (cuda) { rnn.Cuda(); criterion.Cuda(); }

        // put the above things into one flattened parameters tensor
        var (parameters, gradParams) = ModelUtils.CombineAllParameters(rnn);

        // initialization
        if (doRandomInit) parameters.Uniform(-0.08, 0.08); // small uniform numbers
        // initialize the LSTM forget gates with slightly higher biases to encourage remembering in the beginning
        for (int layerIdx = 1; layerIdx <= numLayers; layerIdx++)
            foreach (var node in rnn.Nodes)
                if (node.Name == "i2h_" + layerIdx)
                {
                    Console.WriteLine("setting forget gate biases to 1 in LSTM layer " + layerIdx);
                    // the gates are, in order, i,f,o,g, so f is the 2nd block of weights
                    node.Module!.Bias!.Narrow(1, rnnSize + 1, rnnSize).Fill(1.0);
                }

        Console.WriteLine("number of parameters in the model: " + parameters.NElement());
        // make a bunch of clones after flattening, as that reallocates memory
        Console.WriteLine("cloning rnn");
        var rnnClones = ModelUtils.CloneManyTimes(rnn, seqLength).Cast<Module>().ToArray();
        Console.WriteLine("cloning criterion");
        var criterionClones = ModelUtils.CloneManyTimes(criterion, seqLength).Cast<Criterion>().ToArray();

        // preprocessing helper function
        (Tensor, Tensor) Prepro(Tensor x, Tensor y)
        {
            x = x.Transpose(1, 2).Contiguous(); // swap the axes for faster indexing
            y = y.Transpose(1, 2).Contiguous();
            if (cuda) { x = x.Float().Cuda(); y = y.Float().Cuda(); } // integers can't be cuda()'d
            return (x, y);
        }

        LuaValue[] Step(Tensor x, int t, List<Tensor> state) => new LuaValue[] { x.Select(1, t) }.Concat(state.Select(s => (LuaValue)s)).ToArray();

        // evaluate the loss over an entire split
        double EvalSplit(int splitIndex, int? maxBatches = null)
        {
            Console.WriteLine("evaluating loss over split index " + splitIndex);
            int n = loader.SplitSizes[splitIndex - 1];
            if (maxBatches is int m) n = Math.Min(m, n);

            loader.ResetBatchPointer(splitIndex); // move batch iteration pointer for this split to front
            double loss = 0;
            var rnnState = new List<Tensor>[seqLength + 1];
            rnnState[0] = initState;
            for (int i = 1; i <= n; i++) // iterate over batches in the split
            {
                // fetch a batch
                var (x, y) = loader.NextBatch(splitIndex);
                (x, y) = Prepro(x, y);
                // forward pass
                for (int t = 1; t <= seqLength; t++)
                {
                    rnnClones[t - 1].Evaluate(); // for dropout proper functioning
                    Table lst = rnnClones[t - 1].Forward(new Table(Step(x, t, rnnState[t - 1])));
                    rnnState[t] = new List<Tensor>();
                    for (int k = 1; k <= initState.Count; k++) rnnState[t].Add(lst[k]);
                    Tensor prediction = lst[lst.Length];
                    loss += criterionClones[t - 1].Forward(prediction, y.Select(1, t));
                }
                // carry over lstm state
                rnnState[0] = rnnState[seqLength];
                Console.WriteLine($"{i}/{n}...");
            }
            return loss / seqLength / n;
        }

        // do fwd/bwd and return loss, grad_params
        var initStateGlobal = CloneList(initState);
        (double, Tensor) Feval(Tensor xNew)
        {
            if (!ReferenceEquals(xNew, parameters)) parameters.Copy(xNew);
            gradParams.Zero();

            // ----------------- get minibatch -------------------
            var (x, y) = loader.NextBatch(1);
            (x, y) = Prepro(x, y);
            // ------------------ forward pass -------------------
            var rnnState = new List<Tensor>[seqLength + 1];
            rnnState[0] = initStateGlobal;
            var predictions = new Tensor[seqLength + 1]; // softmax outputs
            double loss = 0;
            for (int t = 1; t <= seqLength; t++)
            {
                rnnClones[t - 1].Training(); // make sure we are in correct mode (this is cheap, sets flag)
                Table lst = rnnClones[t - 1].Forward(new Table(Step(x, t, rnnState[t - 1])));
                rnnState[t] = new List<Tensor>();
                for (int i = 1; i <= initState.Count; i++) rnnState[t].Add(lst[i]); // extract the state, without output
                predictions[t] = lst[lst.Length]; // last element is the prediction
                loss += criterionClones[t - 1].Forward(predictions[t], y.Select(1, t));
            }
            loss /= seqLength;
            // ----------------- backward pass -------------------
            // initialize gradient at time t to be zeros (there's no influence from future)
            var drnnState = new List<LuaValue>[seqLength + 1];
            drnnState[seqLength] = CloneList(initState, zeroToo: true).Select(s => (LuaValue)s).ToList();
            for (int t = seqLength; t >= 1; t--)
            {
                // backprop through loss, and softmax/linear
                var doutputT = criterionClones[t - 1].Backward(predictions[t], y.Select(1, t));
                drnnState[t].Add(doutputT);
                Table dlst = rnnClones[t - 1].Backward(new Table(Step(x, t, rnnState[t - 1])), new Table(drnnState[t].ToArray()));
                // k == 1 is gradient on x, which we dont need; the state's derivatives follow from index 2
                drnnState[t - 1] = new List<LuaValue>();
                for (int k = 2; k <= dlst.Length; k++) drnnState[t - 1].Add(dlst[k]);
            }
            // ----------------------- misc ----------------------
            // transfer final state to initial state (BPTT)
            initStateGlobal = rnnState[seqLength];
            // clip gradient element-wise
            gradParams.Clamp(-(double)opt["grad_clip"], (double)opt["grad_clip"]);
            return (loss, gradParams);
        }

        // start optimization here
        var trainLosses = new Table();
        var valLosses = new Table();
        var optimState = new RmspropConfig { LearningRate = (double)opt["learning_rate"], Alpha = (double)opt["decay_rate"] };
        int iterations = (int)((double)opt["max_epochs"] * loader.NTrain);
        double? loss0 = null;
        for (int i = 1; i <= iterations; i++)
        {
            double epoch = (double)i / loader.NTrain;

            var timer = Stopwatch.StartNew();
            var (_, loss) = optim.Rmsprop(Feval, parameters, optimState);
            double time = timer.Elapsed.TotalSeconds;

            double trainLoss = loss[0]; // the loss is inside a list, pop it
            trainLosses[i] = trainLoss;

            // exponential learning rate decay
            if (i % loader.NTrain == 0 && (double)opt["learning_rate_decay"] < 1 && epoch >= (double)opt["learning_rate_decay_after"])
            {
                double decayFactor = (double)opt["learning_rate_decay"];
                optimState.LearningRate *= decayFactor; // decay it
                Console.WriteLine($"decayed learning rate by a factor {decayFactor} to {optimState.LearningRate}");
            }

            // every now and then or on last iteration
            if (i % (int)(double)opt["eval_val_every"] == 0 || i == iterations)
            {
                // evaluate loss on validation data
                double valLoss = EvalSplit(2); // 2 = validation
                valLosses[i] = valLoss;

                string savefile = string.Format(CultureInfo.InvariantCulture, "{0}/lm_{1}_epoch{2:F2}_{3:F4}.t7",
                                                opt["checkpoint_dir"], opt["savefile"], epoch, valLoss);
                Console.WriteLine("saving checkpoint to " + savefile);
                var checkpoint = new Table
                {
                    ["protos"] = protos, ["opt"] = opt, ["train_losses"] = trainLosses, ["val_loss"] = valLoss,
                    ["val_losses"] = valLosses, ["i"] = i, ["epoch"] = epoch, ["vocab"] = loader.VocabMapping,
                };
                torch.Save(savefile, checkpoint);
            }

            if (i % (int)(double)opt["print_every"] == 0)
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                    "{0}/{1} (epoch {2:F3}), train_loss = {3:F8}, grad/param norm = {4:0.0000e+00}, time/batch = {5:F4}s",
                    i, iterations, epoch, trainLoss, gradParams.Norm() / parameters.Norm(), time));

            // handle early stopping if things are going really bad
            if (double.IsNaN(loss[0]))
            {
                Console.WriteLine("loss is NaN.  This usually indicates a bug.");
                break; // halt
            }
            loss0 ??= loss[0];
            if (loss[0] > loss0 * 3)
            {
                Console.WriteLine("loss is exploding, aborting.");
                break; // halt
            }
        }
    }

    /// <summary>char-rnn's clone_list (util/misc.lua): clones of the tensors, zeroed when asked.</summary>
    static List<Tensor> CloneList(List<Tensor> tensorList, bool zeroToo = false) =>
        tensorList.Select(v => zeroToo ? v.Clone().Zero() : v.Clone()).ToList();

    /// <summary>The data folder as given, else the same path under a "shared" folder found walking up from the working
    /// directory (the repository keeps tinyshakespeare in ../shared/data).</summary>
    static string FindData(string dataDir)
    {
        if (File.Exists(Path.Combine(dataDir, "input.txt"))) return dataDir;
        for (var d = new DirectoryInfo(Directory.GetCurrentDirectory()); d is not null; d = d.Parent)
        {
            string candidate = Path.Combine(d.FullName, "shared", dataDir);
            if (File.Exists(Path.Combine(candidate, "input.txt"))) return candidate;
        }
        throw new FileNotFoundException($"-data_dir {dataDir}: no input.txt there, nor under a 'shared' folder above {Directory.GetCurrentDirectory()}");
    }
}
