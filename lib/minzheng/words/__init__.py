"""Words: clean text → jieba tokens → vocabulary shares, key terms and similarity."""
