extension Catalogue {
    /// The Simplified Chinese texts, for a Chinese locale or `--lang zh`: short, with full-width
    /// punctuation; paths, field names, commands, codes and examples stay in ASCII as they are typed.
    static let chinese: [MessageCode: Template] = [
        // Labels, shared hints and the cap on repeated problems (Support).
        .labelError: ("错误", nil),
        .labelWarning: ("警告", nil),
        .labelHint: ("提示", nil),
        .didYouMean: ("是否应为 '{suggestion}'？", nil),
        .expectedOneOf: ("可用的值：{choices}", nil),
        .untranslated: ("{message}", nil),
        .untranslatedWithHint: ("{message}", "{hint}"),
        .onlyFirstListed: ("同一文件中每类问题只列出前 {limit} 处；请改正后再检查", nil),
        .moreImagesWithoutAltText: ("……另有 {count} 张图片缺少替代文字", nil),

        // Model.
        .linkSchemeRemoved: ("已删除指向 '{scheme}:' 地址的链接", "只发布 http、https、mailto 和 tel 地址"),
        .imageSchemeRemoved: ("已删除指向 '{scheme}:' 地址的图片", "只发布 http、https、mailto 和 tel 地址"),
        .linkAbsolutePath: ("链接 '{url}' 是绝对路径", "请改写为相对于本文件的路径，如 ../../assets/photo.jpg，网站放在任何地址下都能正常使用"),
        .imageAbsolutePath: ("图片 '{url}' 是绝对路径", "请改写为相对于本文件的路径，如 ../../assets/photo.jpg，网站放在任何地址下都能正常使用"),
        .linkOutsideContent: ("链接 '{url}' 指向内容文件夹之外", "请把文件放入 Content/assets/，再从那里链接"),
        .imageOutsideContent: ("图片 '{url}' 指向内容文件夹之外", "请把文件放入 Content/assets/，再从那里引用"),
        .linkMissingFile: ("链接 '{url}' 指向的 '{candidate}' 不存在", "请核对文件名，或把文件放入 Content/assets/"),
        .imageMissingFile: ("图片 '{url}' 指向的 '{candidate}' 不存在", "请核对文件名，或把文件放入 Content/assets/"),
        .moreLinksSchemeRemoved: ("……另有 {count} 个链接因地址类型被删除", nil),
        .moreImagesSchemeRemoved: ("……另有 {count} 张图片因地址类型被删除", nil),
        .moreLinksAbsolutePath: ("……另有 {count} 个链接使用绝对路径", nil),
        .moreImagesAbsolutePath: ("……另有 {count} 张图片使用绝对路径", nil),
        .moreLinksOutsideContent: ("……另有 {count} 个链接指向内容文件夹之外", nil),
        .moreImagesOutsideContent: ("……另有 {count} 张图片指向内容文件夹之外", nil),
        .moreLinksMissingFile: ("……另有 {count} 个链接指向不存在的文件", nil),
        .moreImagesMissingFile: ("……另有 {count} 张图片指向不存在的文件", nil),
    ]
}
