/// The YAML library (libyaml, inside Yams) says what it could not read in English, from a fixed
/// set of phrases: a problem ("did not find expected key") and what it was reading then ("while
/// parsing a block mapping"). A Chinese editor is told them in Chinese, in the words of the
/// front matter she writes (字段, 值, 列表), not of the YAML specification. A phrase not in this
/// table (a newer library's) is shown as the library wrote it.
enum YAMLProblems {
    static func chinese(_ phrase: String) -> String? {
        problems[phrase] ?? contexts[phrase]
    }

    private static let problems: [String: String] = [
        // What an editor's front matter meets.
        "found character that cannot start any token": "此处的字符不能作为值的开头（如 @、`、%），请给整个值加引号",
        "could not find expected ':'": "找不到字段名后应有的 ':'",
        "mapping values are not allowed in this context": "此处不能再有 ': '（值里含有 ': ' 时须给整个值加引号）",
        "mapping keys are not allowed in this context": "此处不能出现 '? '",
        "found unexpected end of stream": "内容意外结束：可能有未闭合的引号或括号",
        "did not find expected key": "找不到应有的字段名：可能是缩进不齐，或引号闭合后还有文字",
        "did not find expected node content": "找不到应有的值",
        "did not find expected '-' indicator": "找不到应有的列表项 '- '：可能是缩进不齐",
        "did not find expected ',' or ']'": "方括号列表中找不到应有的 ',' 或 ']'：可能是方括号没有闭合",
        "did not find expected ',' or '}'": "花括号中找不到应有的 ',' 或 '}'：可能是花括号没有闭合",
        "block sequence entries are not allowed in this context": "此处不能开始列表项 '- '：可能是缩进不齐",
        "found a tab character that violates indentation": "缩进中有制表符（Tab）：YAML 的缩进只能用空格",
        "found a tab character where an indentation space is expected": "缩进中有制表符（Tab）：YAML 的缩进只能用空格",
        "found unknown escape character": "双引号内反斜杠 \\ 后的字符无法识别：路径等含 \\ 的值请改用单引号",
        "found unexpected ':'": "此处不该出现 ':'",
        "found undefined tag handle": "以 ! 开头的值会被当作标签：请给整个值加引号",
        "did not find expected comment or line break": "此处应当换行：可能是引号闭合后还有文字",
        "did not find expected whitespace or line break": "此处应为空格或换行",
        "found unexpected document indicator": "带引号的值中出现了分隔行（--- 或 ...）：可能是引号没有闭合",
        "did not find expected <document start>": "找不到应有的开头",
        "did not find expected <stream-start>": "找不到应有的开头",
        "found an indentation indicator equal to 0": "多行文本（| 或 >）的缩进数字不能为 0",
        "did not find expected alphabetic or numeric character": "& 或 * 之后应为字母或数字：以它们开头的值请加引号",
        "did not find expected hexdecimal number": "双引号内 \\x、\\u 之后应为十六进制数字：含 \\ 的值请改用单引号",
        "found invalid Unicode character escape code": "双引号内 \\u 之后的字符编号无效：含 \\ 的值请改用单引号",
        "did not find the expected '>'": "找不到应有的 '>'",
        "found unexpected non-alphabetical character": "此处出现了意外的字符",
        // Directives (`%…`) and tags (`!…`): a value that starts with them was not quoted.
        "found unknown directive name": "以 % 开头的行会被当作指令：请给整个值加引号",
        "could not find expected directive name": "以 % 开头的行会被当作指令：请给整个值加引号",
        "found duplicate %YAML directive": "%YAML 指令重复",
        "found duplicate %TAG directive": "%TAG 指令重复",
        "found incompatible YAML document": "YAML 版本不受支持",
        "found extremely long version number": "YAML 版本号过长",
        "did not find expected version number": "找不到应有的版本号",
        "did not find expected digit or '.' character": "版本号中应为数字或 '.'",
        "did not find expected tag URI": "以 ! 开头的标签写法有误：请给整个值加引号",
        "did not find expected '!'": "以 ! 开头的标签写法有误：请给整个值加引号",
        "did not find URI escaped octet": "标签中 % 之后应为两位十六进制数字",
        "found an incorrect leading UTF-8 octet": "标签中的编码有误",
        "found an incorrect trailing UTF-8 octet": "标签中的编码有误",
        "did not find expected whitespace": "此处应有空格",
        // The text itself.
        "invalid leading UTF-8 octet": "文件不是有效的 UTF-8 编码",
        "invalid trailing UTF-8 octet": "文件不是有效的 UTF-8 编码",
        "incomplete UTF-8 octet sequence": "文件不是有效的 UTF-8 编码",
        "invalid length of a UTF-8 sequence": "文件不是有效的 UTF-8 编码",
        "invalid Unicode character": "文件中有无效的字符",
        "control characters are not allowed": "文件中有不可见的控制字符",
        "incomplete UTF-16 character": "文件不是有效的 UTF-16 编码",
        "incomplete UTF-16 surrogate pair": "文件不是有效的 UTF-16 编码",
        "expected low surrogate area": "文件不是有效的 UTF-16 编码",
        "input is too long": "内容过长",
        "input error": "读取出错",
    ]

    private static let contexts: [String: String] = [
        "while scanning a simple key": "读取字段名时",
        "while parsing a block mapping": "读取字段时",
        "while parsing a block collection": "读取列表时",
        "while scanning a quoted scalar": "读取带引号的值时",
        "while parsing a quoted scalar": "读取带引号的值时",
        "while scanning a plain scalar": "读取值时",
        "while parsing a flow sequence": "读取方括号列表时",
        "while parsing a flow mapping": "读取花括号内容时",
        "while parsing a flow node": "读取括号内的值时",
        "while parsing a block node": "读取值时",
        "while parsing a node": "读取值时",
        "while parsing": "读取时",
        "while scanning a block scalar": "读取多行文本（| 或 >）时",
        "while scanning an anchor": "读取以 & 开头的值时",
        "while scanning an alias": "读取以 * 开头的值时",
        "while scanning a tag": "读取以 ! 开头的值时",
        "while parsing a tag": "读取以 ! 开头的值时",
        "while scanning a directive": "读取以 % 开头的行时",
        "while scanning a %YAML directive": "读取 %YAML 指令时",
        "while scanning a %TAG directive": "读取 %TAG 指令时",
        "while parsing a %TAG directive": "读取 %TAG 指令时",
        "while scanning a tag directive": "读取 %TAG 指令时",
        "while parsing a tag directive": "读取 %TAG 指令时",
        "while scanning for the next token": "读取下一项时",
    ]
}
