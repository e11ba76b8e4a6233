# Script mode: writes OUT, a C++ file defining `extern const char* const SYMBOL` with IN's text.
file(READ ${IN} text)
file(WRITE ${OUT}.tmp "// Generated from ${IN} by cmake/embed_text.cmake. Do not edit.\nextern const char* const ${SYMBOL};\nconst char* const ${SYMBOL} = R\"kassa_text(${text})kassa_text\";\n")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
