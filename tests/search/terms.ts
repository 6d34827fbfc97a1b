/** Terms a reader of this chapter searches for: Chinese, English and mixed, all taken from the text. */
export const searchTerms = [
  '量化', '推测解码', '显存带宽', '动态批处理', '联邦推理', '存算一体', '知识蒸馏', '剪枝', '混合精度', '推理时计算',
  '思维链', '端云协同', '边缘计算', '神经架构搜索', '互操作', '算子融合', '张量并行', '流水线并行', '冷启动', '隐私保护',
  '服务治理', '编译器', '标准化', '自适应推理', '大模型',
  'TensorRT', 'PagedAttention', 'W4A16', '1.58-bit', 'MLPerf', 'KV-Cache', '1-bit/1.58-bit', 'ONNX Runtime', 'vLLM', 'MoE',
  'LPU', 'BitNet', 'Groq', 'Cerebras', 'Transformer', 'Serverless', 'MLIR', 'TVM', 'OpenVINO', 'ExecuTorch', 'NVIDIA',
  'CUDA', 'ROCm', 'FP8', 'INT8', 'DeepSeek-R1', 'OpenAI o1', 'Blackwell', 'HBM', 'Agentic AI', 'PyTorch',
  'Test-Time Compute', 'Continuous Batching', 'Scale-to-Zero', 'GPU 优化', 'LPU 加速', 'INT8/FP8 量化', 'MaaS',
];
