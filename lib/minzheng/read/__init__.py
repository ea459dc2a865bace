"""Reading: report files → decoded text → clean text with a cleaning log → sentences."""
