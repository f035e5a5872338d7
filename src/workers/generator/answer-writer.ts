import { pipeline, type TextGenerationPipeline } from '@xenova/transformers';
import { MAX_ANSWER_TOKENS, promptBudget } from '../../core/models';
import { buildPrompt, type ChatMessage } from '../../core/prompt';
import type { AnswerRequest, AnswerResult, GeneratorApi, GeneratorConfig, ModelStatusEvent } from '../../core/protocol';
import { ModelLoader } from '../model-loading';
import { configureTransformers } from '../transformers-env';

/** Resolves on the next task, after messages already queued (a stop request) have been handled. */
const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

interface Beam {
  output_token_ids: number[];
  done: boolean;
}

async function loadGenerator(id: string, quantized: boolean, progress_callback: (progress: never) => void) {
  const generator = (await pipeline('text-generation', id, { quantized, progress_callback })) as TextGenerationPipeline;
  // Single-threaded wasm never yields inside session.run, so a stop message would wait for the whole answer.
  // Yielding one task before each decoding step lets `stop` land within a token or two.
  const session = (generator.model as unknown as { session: { run: (...args: unknown[]) => Promise<unknown> } }).session;
  const run = session.run.bind(session);
  session.run = async (...args: unknown[]) => {
    await nextTask();
    return run(...args);
  };
  return generator;
}

/** Writes answers with a causal language model, streaming text as it is generated. Owns the model and run state. */
export class AnswerWriter implements GeneratorApi {
  #loader: ModelLoader<TextGenerationPipeline> | undefined;
  #stopRequested = false;

  async init(config: GeneratorConfig, onStatus: (event: ModelStatusEvent) => void): Promise<void> {
    configureTransformers(config.sources);
    const { generator } = config;
    this.#loader?.dispose();
    this.#loader = new ModelLoader(
      generator,
      (progress) => loadGenerator(generator.id, generator.quantized, progress),
      async (loaded) => {
        await loaded('Hello', { max_new_tokens: 1 });
      },
      onStatus,
    );
  }

  async answer(request: AnswerRequest, onText: (textSoFar: string) => void): Promise<AnswerResult> {
    if (!this.#loader) throw new Error('The answer writer is not configured yet.');
    const generate = await this.#loader.get();
    const { tokenizer } = generate;
    const render = (messages: ChatMessage[]) =>
      tokenizer.apply_chat_template(messages, { tokenize: false, add_generation_prompt: true }) as string;
    const countTokens = (messages: ChatMessage[]) => tokenizer.encode(render(messages), null, { add_special_tokens: false }).length;
    const prompt = buildPrompt({ ...request, budgetTokens: promptBudget(this.#loader.model), countTokens });
    const text = render(prompt.messages);
    const promptLength = countTokens(prompt.messages);

    this.#stopRequested = false;
    let stopped = false;
    let textSoFar = '';
    await generate(text, {
      max_new_tokens: MAX_ANSWER_TOKENS,
      do_sample: false,
      callback_function: (beams: Beam[]) => {
        const [beam] = beams;
        textSoFar = tokenizer.decode(beam.output_token_ids.slice(promptLength), { skip_special_tokens: true });
        onText(textSoFar);
        if (this.#stopRequested) {
          beam.done = true;
          stopped = true;
        }
      },
    } as never);
    return { text: textSoFar.trim(), included: prompt.included, stopped };
  }

  async prepare(): Promise<void> {
    await this.#loader?.get().catch(() => undefined);
  }

  stop(): void {
    this.#stopRequested = true;
  }
}
