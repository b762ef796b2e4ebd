/// Every message the program shows, by a stable English code in kebab case. The codes are what
/// `check --format json` prints for tools, so a code, once released, keeps its meaning; the texts
/// are in `Catalogue+English.swift` and `Catalogue+Chinese.swift`, one entry per code in each.
public enum MessageCode: String, CaseIterable, Sendable {
    // Labels, shared hints and the cap on repeated problems (Support).
    case labelError = "label-error"
    case labelWarning = "label-warning"
    case labelHint = "label-hint"
    case didYouMean = "did-you-mean"
    case expectedOneOf = "expected-one-of"
    case untranslated = "untranslated"
    case untranslatedWithHint = "untranslated-with-hint"
    case onlyFirstListed = "only-first-listed"
    case moreImagesWithoutAltText = "more-images-without-alt-text"

    // Model.
    case linkSchemeRemoved = "link-scheme-removed"
    case imageSchemeRemoved = "image-scheme-removed"
    case linkAbsolutePath = "link-absolute-path"
    case imageAbsolutePath = "image-absolute-path"
    case linkOutsideContent = "link-outside-content"
    case imageOutsideContent = "image-outside-content"
    case linkMissingFile = "link-missing-file"
    case imageMissingFile = "image-missing-file"
    case moreLinksSchemeRemoved = "more-links-scheme-removed"
    case moreImagesSchemeRemoved = "more-images-scheme-removed"
    case moreLinksAbsolutePath = "more-links-absolute-path"
    case moreImagesAbsolutePath = "more-images-absolute-path"
    case moreLinksOutsideContent = "more-links-outside-content"
    case moreImagesOutsideContent = "more-images-outside-content"
    case moreLinksMissingFile = "more-links-missing-file"
    case moreImagesMissingFile = "more-images-missing-file"
}
