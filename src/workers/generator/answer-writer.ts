import { MAX_ANSWER_TOKENS, promptBudget } from '../../core/models';
import { buildPrompt, type ChatMessage } from '../../core/prompt';
import type { AnswerRequest, AnswerResult, GeneratorApi, GeneratorConfig, ModelStatusEvent } from '../../core/protocol';
import { ModelLoader } from '../model-loading';
import { configureRuntime, loadChatModel, type ChatModel } from '../model-runtime';

/** Writes answers with a causal language model, streaming text as it is generated. Owns the model and run state. */
export class AnswerWriter implements GeneratorApi {
  #loader: ModelLoader<ChatModel> | undefined;
  /** The model writing an answer now, to stop. */
  #writing: ChatModel | undefined;

  async init(config: GeneratorConfig, onStatus: (event: ModelStatusEvent) => void): Promise<void> {
    configureRuntime(config.sources);
    const { generator, device: preference } = config;
    this.#loader?.dispose();
    this.#loader = new ModelLoader(
      generator,
      (events) => loadChatModel({ model: generator, preference, ...events }),
      onStatus,
    );
  }

  async answer(request: AnswerRequest, onText: (textSoFar: string) => void): Promise<AnswerResult> {
    if (!this.#loader) throw new Error('The answer writer is not configured yet.');
    const model = await this.#loader.get();
    const countTokens = (messages: ChatMessage[]) => model.countTokens(model.render(messages));
    const prompt = buildPrompt({ ...request, budgetTokens: promptBudget(this.#loader.model), countTokens });
    this.#writing = model;
    try {
      const { text, stopped } = await model.generate({ prompt: model.render(prompt.messages), maxNewTokens: MAX_ANSWER_TOKENS, onText });
      return { text: text.trim(), included: prompt.included, stopped };
    } finally {
      this.#writing = undefined;
    }
  }

  async prepare(): Promise<void> {
    await this.#loader?.get().catch(() => undefined);
  }

  stop(): void {
    this.#writing?.stop();
  }
}
